import { App } from 'antd';
import { problemDetail } from '../api/client';

/** Shows why a call failed, in the API's own words, as a toast. */
export function useProblemToast(): (error: unknown) => void {
  const { message } = App.useApp();
  return (error) => void message.error(problemDetail(error));
}
