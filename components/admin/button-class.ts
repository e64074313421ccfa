/** The editor area's button look: primary (filled) or secondary (outlined). Plain module: usable from server and client components. */
export function buttonClass(variant: 'primary' | 'secondary' = 'primary'): string {
  const look = variant === 'primary' ? 'bg-iom-blue text-white hover:bg-iom-blue-dark' : 'border border-iom-blue bg-white text-iom-blue hover:bg-gray-50';
  return `rounded px-4 py-2 font-semibold ${look}`;
}
