import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts core with only what every chart needs; each chart registers its own series and
 * components (`echarts.use`) so a page downloads only the pieces it draws.
 */
echarts.use([CanvasRenderer, AriaComponent, TooltipComponent]);

export type { EChartsCoreOption } from 'echarts/core';
export { echarts };
