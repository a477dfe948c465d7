import { InboxOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';

interface Props {
  files: UploadFile[];
  /** Called with the one file kept (the last chosen), or none. */
  onChange: (files: UploadFile[]) => void;
  text: string;
  hint?: string;
  'data-testid'?: string;
}

/** One XLSX or CSV file, kept in the browser until the form is sent. */
export function SpreadsheetDropZone({ files, onChange, text, hint, 'data-testid': testId }: Props) {
  return (
    <Upload.Dragger
      data-testid={testId}
      accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
      maxCount={1}
      fileList={files}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange(fileList.slice(-1))}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      {hint && <p className="ant-upload-hint">{hint}</p>}
    </Upload.Dragger>
  );
}
