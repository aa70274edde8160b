// The calendar-date scalar every asOf / validFrom / validTo uses.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../domain';

function parseLocalDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(`日期格式应为 YYYY-MM-DD 的有效日期 (expected a date YYYY-MM-DD), got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A calendar date without time or zone, 'YYYY-MM-DD' (ISO 8601); validated to be a real date. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time or zone: YYYY-MM-DD (ISO 8601), e.g. 2026-03-20.',
  serialize: (value) => parseLocalDate(value),
  parseValue: (value) => parseLocalDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('日期应为字符串 YYYY-MM-DD (a LocalDate is a string YYYY-MM-DD)', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseLocalDate(ast.value);
  },
});
