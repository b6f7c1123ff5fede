// What an action did, said above the page's table: a success as a status, a refusal as an alert
// (read out at once by screen readers).
import { Alert } from 'antd';

export interface Said {
  type: 'success' | 'error';
  text: string;
}

export function Notice({ said }: { said: Said | null }) {
  if (!said) return null;
  return (
    <Alert
      type={said.type}
      showIcon
      role={said.type === 'error' ? 'alert' : 'status'}
      title={said.text}
      style={{ margin: '12px 0' }}
    />
  );
}
