import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['FR-ca', 'fr'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,fr;q=0.8,en;q=0.5', 'fr'],
    ['en;q=0.4,fr;q=0.9', 'fr'],
    ['fr;q=0,en', 'en'],
    ['de, es', 'en'],
    ['*', 'en'],
  ])('%p -> %p', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });

  it('reads a repeated header', () => {
    expect(preferredLanguage(['de', 'fr;q=0.5'])).toBe('fr');
  });
});
