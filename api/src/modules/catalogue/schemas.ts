/** TypeBox schemas of the public catalogue. */
import { Type } from 'typebox';

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Words, with or without diacritics, or a procedure code' }),
    ),
    agency: Type.Optional(Type.String({ maxLength: 40, description: 'Agency mã định danh or slug' })),
    field: Type.Optional(
      Type.String({ maxLength: 200, description: 'Lĩnh vực, exactly as listed in the facets' }),
    ),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'Online service level 1-4' })),
    tier: Type.Optional(Type.Enum(['province', 'district', 'commune'] as const)),
    at: Type.Optional(
      Type.String({ format: 'date', description: 'Catalogue as in force on this date (default today)' }),
    ),
    facets: Type.Optional(Type.Boolean({ default: true })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { description: 'Unknown parameters (e.g. cache busters) are ignored: this is a read' },
);

const FacetValue = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });

export const SearchAnswer = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: Type.String(),
      nationalCode: Type.Union([Type.String(), Type.Null()]),
      localCode: Type.Union([Type.String(), Type.Null()]),
      field: Type.String(),
      agency: Type.Object({ code: Type.String(), name: Type.String() }),
      tier: Type.String(),
      serviceLevel: Type.Integer(),
      scope: Type.Union([Type.String(), Type.Null()]),
      channels: Type.Array(Type.String()),
      dayKind: Type.String(),
      daysPaper: Type.Union([Type.Number(), Type.Null()]),
      daysOnline: Type.Union([Type.Number(), Type.Null()]),
      score: Type.Number({ description: 'Relevance; 0 without q' }),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Optional(
    Type.Object({
      agencies: Type.Array(FacetValue),
      fields: Type.Array(FacetValue),
      levels: Type.Array(FacetValue),
    }),
  ),
});

export const FormParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  formId: Type.String({ maxLength: 100 }),
});
