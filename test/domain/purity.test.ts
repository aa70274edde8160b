// Guards the domain's contract (docs/rules.md, "The domain's contract"): no framework imports, no clock.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const dir = join(__dirname, '../../src/domain');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/domain is pure', () => {
  it.each(files)('%s imports no framework and reads no clock', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/from '(graphql|type-graphql|express|@mikro-orm\/[\w-]+)'/);
    expect(source).not.toMatch(/Date\.now\(|new Date\(\)/);
  });
});
