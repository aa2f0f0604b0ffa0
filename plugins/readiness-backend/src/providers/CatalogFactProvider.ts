import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CollectedFacts,
  FactProvider,
} from '@readiness/backstage-plugin-readiness-node';

/** What the catalog says about an entity another entity refers to. */
export interface RelatedEntityFacts {
  ref: string;
  exists: boolean;
  kind?: string;
  type?: string;
  /** Groups: number of `hasMember` relations. */
  members?: number;
  /** Groups and users: `spec.profile.email`. */
  email?: string;
  /** Number of `metadata.links`. */
  links?: number;
  /** `metadata.annotations`, e.g. a Group's `github.com/team-slug`. */
  annotations?: Record<string, string>;
  /** Systems: `spec.domain` as an entity ref. */
  domain?: string;
  /** APIs: length of `spec.definition`. */
  definitionLength?: number;
}

/** The facts of source `catalog` for one entity. */
export interface CatalogFacts {
  owner: RelatedEntityFacts | null;
  system: RelatedEntityFacts | null;
  providesApis: RelatedEntityFacts[];
  consumesApis: RelatedEntityFacts[];
  dependsOn: RelatedEntityFacts[];
}

function refList(value: unknown, defaultKind: string): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value
    .filter((v): v is string => typeof v === 'string')
    .map(ref => normaliseRef(ref, defaultKind))
    .filter((ref): ref is string => ref !== undefined);
}

function normaliseRef(ref: unknown, defaultKind: string): string | undefined {
  if (typeof ref !== 'string' || !ref) {
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind }));
  } catch {
    return undefined;
  }
}

function describe(ref: string, related?: Entity): RelatedEntityFacts {
  if (!related) {
    return { ref, exists: false };
  }
  const spec = (related.spec ?? {}) as Record<string, any>;
  const definition = spec.definition;
  return {
    ref,
    exists: true,
    kind: related.kind,
    type: typeof spec.type === 'string' ? spec.type : undefined,
    members: (related.relations ?? []).filter(
      r => r.type === RELATION_HAS_MEMBER,
    ).length,
    email:
      typeof spec.profile?.email === 'string' ? spec.profile.email : undefined,
    links: related.metadata.links?.length ?? 0,
    annotations: related.metadata.annotations ?? {},
    domain: normaliseRef(spec.domain, 'domain'),
    definitionLength:
      typeof definition === 'string' ? definition.trim().length : undefined,
  };
}

/**
 * The built-in `catalog` source: resolves what an entity refers to (owner,
 * system, APIs, dependencies) with one catalog query per batch.
 */
export class CatalogFactProvider implements FactProvider {
  readonly id = 'catalog';

  constructor(
    private readonly options: { catalog: CatalogService; auth: AuthService },
  ) {}

  async collect(request: {
    entities: Entity[];
  }): Promise<Map<string, CollectedFacts>> {
    const wanted = request.entities.map(entity => {
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      return {
        entity,
        owner: normaliseRef(spec.owner, 'group'),
        system: normaliseRef(spec.system, 'system'),
        providesApis: refList(spec.providesApis, 'api'),
        consumesApis: refList(spec.consumesApis, 'api'),
        dependsOn: refList(spec.dependsOn, 'component'),
      };
    });
    const refs = [
      ...new Set(
        wanted.flatMap(w =>
          [
            w.owner,
            w.system,
            ...w.providesApis,
            ...w.consumesApis,
            ...w.dependsOn,
          ].filter((r): r is string => !!r),
        ),
      ),
    ];
    const found = new Map<string, Entity>();
    if (refs.length) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials: await this.options.auth.getOwnServiceCredentials() },
      );
      items.forEach((item, i) => item && found.set(refs[i], item));
    }
    const lookup = (ref: string) => describe(ref, found.get(ref));
    return new Map(
      wanted.map(w => {
        const data: CatalogFacts = {
          owner: w.owner ? lookup(w.owner) : null,
          system: w.system ? lookup(w.system) : null,
          providesApis: w.providesApis.map(lookup),
          consumesApis: w.consumesApis.map(lookup),
          dependsOn: w.dependsOn.map(lookup),
        };
        return [
          stringifyEntityRef(w.entity),
          { status: 'ok', data: data as unknown as Record<string, unknown> },
        ];
      }),
    );
  }
}
