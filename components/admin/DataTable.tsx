import type { ReactNode } from 'react';

/** The editor area's tables: a header row of column names, rows as children, scrolling sideways on phones. */
export function DataTable({ headers, testId, small = false, children }: { headers: string[]; testId?: string; small?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-collapse bg-white text-left ${small ? 'text-sm' : ''}`} data-testid={testId}>
        <thead>
          <tr className="border-b-2 border-gray-300">
            {headers.map((h) => (
              <th key={h} scope="col" className="p-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
