import { describe, expect, it } from 'vitest';
import { cslName } from '../renderer/export/csl-name';

describe("an author's name as CSL name parts", () => {
  it('reads "First von Last" and "Last, First" as BibTeX does', () => {
    expect(cslName('José María de la Cruz')).toEqual({ family: 'Cruz', 'non-dropping-particle': 'de la', given: 'José María' });
    expect(cslName('Vulić, Ivan')).toEqual({ family: 'Vulić', given: 'Ivan' });
    expect(cslName('Łukasz')).toEqual({ family: 'Łukasz' });
    expect(cslName('ATLAS Collaboration')).toEqual({ literal: 'ATLAS Collaboration' });
    expect(cslName('  ')).toBeNull();
  });

  it('keeps a generation as the suffix, however it is written', () => {
    const heath = { family: 'Heath', given: 'Robert W.', suffix: 'Jr.' };
    expect(cslName('Robert W. Heath, Jr.')).toEqual(heath);
    expect(cslName('Heath, Jr., Robert W.')).toEqual(heath);
    expect(cslName('Heath, Robert W., Jr.')).toEqual(heath);
    expect(cslName('Robert W. Heath Jr.')).toEqual(heath);
    expect(cslName('John Smith III')).toEqual({ family: 'Smith', given: 'John', suffix: 'III' });
  });

  it("reads PubMed's family name then initials", () => {
    expect(cslName('Chen C')).toEqual({ family: 'Chen', given: 'C.' });
    expect(cslName('Smith JA')).toEqual({ family: 'Smith', given: 'J. A.' });
    expect(cslName('van der Berg JH')).toEqual({ family: 'Berg', 'non-dropping-particle': 'van der', given: 'J. H.' });
    // Capitals alone are no initials: a name in capitals is read as any other.
    expect(cslName('JOHN LI')).toEqual({ family: 'LI', given: 'JOHN' });
    expect(cslName('A Smith')).toEqual({ family: 'Smith', given: 'A' });
  });
});
