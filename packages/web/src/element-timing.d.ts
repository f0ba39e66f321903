import 'react';

declare module 'react' {
  interface HTMLAttributes<T> {
    /** Chromium's Element Timing: the moment this element's text is painted is reported to PerformanceObserver. */
    elementtiming?: string;
  }
}
