import { describe, expect, it } from 'vitest';
import { cleanAuthors, splitByline } from '../../src/analysis/metadata/byline';

describe('splitByline', () => {
  it.each([
    ['By Jane Doe', ['Jane Doe']],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['By Jane Doe, John Roe and Ann Poe', ['Jane Doe', 'John Roe', 'Ann Poe']],
    ['Von Anna Schmidt und Jens Weber', ['Anna Schmidt', 'Jens Weber']],
    ['Par Sébastien Farcis et Marie Dupont', ['Sébastien Farcis', 'Marie Dupont']],
    ['Por Ana García y Luis Pérez', ['Ana García', 'Luis Pérez']],
    ['By Jane Doe, Reuters', ['Jane Doe']],
    ['Jane Doe | Staff Writer', ['Jane Doe']],
    ['Jane Doe, Senior Correspondent', ['Jane Doe']],
    ['Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
    ['by Lucas Nolan22 Dec 2016651', ['Lucas Nolan']],
    ['Written by: Jane Doe on July 21, 2025', ['Jane Doe']],
    ['Jane Doe (AFP)', ['Jane Doe']],
    ['Ludwig van Beethoven', ['Ludwig van Beethoven']],
    ['Sarah E. Needleman', ['Sarah E. Needleman']],
    ['By TOM KRISHER, AP Auto Writer', ['Tom Krisher']],
    ['Victor Tangermann, Futurism', ['Victor Tangermann']],
    ['Finian Cunningham. Sputnik International', ['Finian Cunningham']],
    ['Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.', ['Uta Staschewski']],
    ['Author: Gàbor Muniér, Datum: 03.03.2019', ['Gàbor Muniér']],
    ['Text von Christian Seiler    Illustration von Markus Roost', ['Christian Seiler']],
    ['Текст: Венера Ерофеева', ['Венера Ерофеева']],
    ['Bruno (Henrique Zecchin) Rodrigues', ['Bruno (Henrique Zecchin) Rodrigues']],
    ['Por Ana García y Luis Pérez', ['Ana García', 'Luis Pérez']],
  ])('%s', (raw, names) => {
    expect(splitByline(raw)).toEqual(names);
  });

  it.each([
    'https://www.facebook.com/janedoe',
    'www.example.com',
    'jane@example.com',
    'Share this article on Facebook',
    'Reuters',
    'Staff',
    'Last Updated: January 7, 2025',
    'von LeasingMarkt.de',
    'KWCHCIK',
  ])('rejects %s', raw => {
    expect(splitByline(raw)).toEqual([]);
  });

  it('drops the site itself', () => {
    expect(splitByline('Jane Doe, The Daily Courier', { siteName: 'The Daily Courier' })).toEqual([
      'Jane Doe',
    ]);
    expect(splitByline('Courier Staff', { host: 'www.courier.com' })).toEqual([]);
    expect(splitByline('By Adam Aaronson PhillyVoice Staff', { siteName: 'PhillyVoice' })).toEqual([
      'Adam Aaronson',
    ]);
    expect(splitByline('Washington Post', { siteName: 'The Washington Post' })).toEqual([]);
    expect(splitByline('Jobs & Hire', { siteName: 'Jobs & Hire', host: 'www.jobsnhire.com' })).toEqual([]);
    expect(splitByline('Das Mitternachtskabinett', { siteName: 'Das Mitternachtskabinett' })).toEqual([]);
  });

  it('keeps a writer whose personal site is named after them', () => {
    expect(splitByline('Haki Benita', { siteName: 'Haki Benita', host: 'hakibenita.com' })).toEqual([
      'Haki Benita',
    ]);
    expect(splitByline('Daniel Lemire', { siteName: "Daniel Lemire's blog", host: 'lemire.me' })).toEqual([
      'Daniel Lemire',
    ]);
  });
});

describe('cleanAuthors', () => {
  it('deduplicates across sources, keeping the first spelling', () => {
    expect(cleanAuthors(['Jane Doe', 'JANE DOE', 'By Jane Doe and John Roe'])).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
  });
});

describe('names that start with an article', () => {
  it('are publications or desks, not people', () => {
    expect(cleanAuthors(['The Water Coolest'])).toEqual([]);
    expect(cleanAuthors(['Die Redaktion'])).toEqual([]);
    expect(cleanAuthors(['Theodore Roe'])).toEqual(['Theodore Roe']);
  });
});
