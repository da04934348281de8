// Midaz sends amounts as decimal strings. Binary floating point would print 749.5 for
// "1000.00" - "250.50"; scaled integers keep the exact value and the vendor's number of decimals.

interface ScaledDecimal {
  units: bigint;
  scale: number;
}

function parseDecimal(text: string): ScaledDecimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal string: '${text}'`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2] ?? ''}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function unitsAtScale(decimal: ScaledDecimal, scale: number): bigint {
  return decimal.units * 10n ** BigInt(scale - decimal.scale);
}

function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const unsigned = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${unsigned}` : unsigned;
}

/** minuend - subtrahend, with as many decimals as the more precise operand. */
export function subtractDecimals(minuend: string, subtrahend: string): string {
  const left = parseDecimal(minuend);
  const right = parseDecimal(subtrahend);
  const scale = Math.max(left.scale, right.scale);
  return formatDecimal(unitsAtScale(left, scale) - unitsAtScale(right, scale), scale);
}
