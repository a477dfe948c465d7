import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A tab's own heading and buttons, under the vaccination page title rather than a second page header. */
export function FieldToolbar({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
      {extra && <Space wrap>{extra}</Space>}
    </div>
  );
}
