// The query a loaded plan is read back with: its header honest (the registry's loader checks the
// parameters and columns against the body) and its row schema's fields equal to its columns.
import { describe, expect, it } from 'vitest';
import { EditionItemRow, editionItemsQuery } from '../../graph/editions/read-edition.ts';

describe('edition-items.cypher', () => {
  it('declares the plan as its one parameter and the columns its rows are parsed by', () => {
    const query = editionItemsQuery();
    expect(query.params.map((param) => param.name)).toEqual(['planId']);
    expect(query.columns.map((column) => column.name).sort()).toEqual(
      Object.keys(EditionItemRow.shape).sort(),
    );
  });
});
