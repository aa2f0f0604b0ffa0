export interface Config {
  readiness?: {
    /** The Readiness scaffolder actions. */
    scaffolder?: {
      /**
       * Where `readiness:repository:publish` publishes, for portals without an SCM
       * host (the offline demo). Unset: the action fails with a message
       * naming this key.
       */
      localPublish?: {
        /**
         * Directory (relative to the backend's working directory) that
         * repositories are written under, as `<host>/<owner>/<repo>/tree/<branch>/`.
         */
        root: string;
        /**
         * Entity ref of a catalog Location whose glob target covers the
         * published `catalog-info.yaml` files; refreshed after publishing.
         */
        catalogLocation?: string;
      };
    };
  };
}
