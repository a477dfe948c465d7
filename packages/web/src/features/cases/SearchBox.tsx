import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useDebounced } from '../../app/useDebounced';

/** A search box that applies once typing pauses, and follows the URL on Back/Forward. */
export function SearchBox({ value, onChange, placeholder, testId }: { value: string; onChange: (q: string) => void; placeholder: string; testId: string }) {
  const [text, setText] = useState(value);
  const typed = useDebounced(text.trim(), 400);
  useEffect(() => {
    if (typed !== value) onChange(typed);
    // Only what was typed should trigger; value follows from it.
  }, [typed]);
  useEffect(() => {
    if (value !== typed) setText(value);
  }, [value]);
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: 300, maxWidth: '100%' }}
      data-testid={testId}
    />
  );
}
