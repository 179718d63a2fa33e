import { describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/i18n';
import { formatTotal } from './TotalsBar';

describe('totals as shown', () => {
  const money = (value: number) => `€${value.toFixed(2)}`;

  it('Excel errors (#DIV/0!, #NUM!) are shown as a dash', () => {
    expect(formatTotal('stdevS', null, money)).toBe('—');
    expect(formatTotal('average', null, money)).toBe('—');
  });

  it('sums and averages use the column format; COUNT, PRODUCT and VAR.S are plain numbers', () => {
    setLanguage('en');
    expect(formatTotal('sum', 12.5, money)).toBe('€12.50');
    expect(formatTotal('count', 1200, money)).toBe('1,200');
    expect(formatTotal('varS', 175550, money)).toBe('175,550');
  });

  it('a huge PRODUCT is shown in scientific notation, not as 280 digits', () => {
    setLanguage('en');
    expect(formatTotal('product', 6.2088985898870714e285, money)).toBe('6.2089E285');
  });
});
