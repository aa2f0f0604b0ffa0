export interface Config {
  /** Configuration of the Readiness backend. */
  readiness?: {
    /**
     * The `repository` fact provider. Trees are read through Backstage's
     * UrlReaderService, so hosts need an entry under `integrations` (or in
     * `backend.reading.allow`); nothing here is needed for that.
     */
    repository?: {
      /**
       * Directories under which `file:` source locations (and `file:` mirror
       * targets) may be read. Relative paths resolve against the backend's
       * working directory. Any other `file:` location is an error for its
       * entity. Default: none, so local trees are refused.
       */
      allowedLocalRoots?: string[];
      /**
       * Locations served from somewhere else: a location starting with `from`
       * is read from `to` followed by the rest of it. `to` is a URL or
       * `file:<path>` (inside `allowedLocalRoots`). The facts keep the
       * original location and note where they were read from. Used by the
       * demo portal to read `https://github.com/example-org/...` from
       * `examples/repositories/`.
       */
      mirrors?: Array<{
        /** Prefix of the location URL as annotated, e.g. `https://github.com/example-org/payments-api/tree/main/`. */
        from: string;
        /** What replaces the prefix, e.g. `file:../../examples/repositories/payments-api/`. */
        to: string;
      }>;
      /** Limits on one tree read; a tree over a limit is an error for its entity. */
      limits?: {
        /**
         * Total size of the files kept from one tree (files over `maxFileSize`
         * and ignored directories do not count): bytes, or a size such as
         * `50MiB`. Default: 50 MiB.
         */
        maxTreeSize?: number | string;
        /**
         * Files larger than this are listed with their size but not read:
         * bytes, or a size such as `1MiB`. Default: 1 MiB.
         */
        maxFileSize?: number | string;
        /** Files in one tree, ignored directories excluded. Default: 20000. */
        maxFiles?: number;
        /** Trees with more files than this get no `tree.paths` list in their facts. Default: 5000. */
        maxListedPaths?: number;
      };
      /** Entities whose trees are read at the same time. Default: 4. */
      concurrency?: number;
      /**
       * Trees whose ETag and facts are remembered in memory, so that an
       * unchanged tree is not downloaded again. Default: 1000.
       */
      cacheSize?: number;
    };
  };
}
