/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the REST API, e.g. https://data.example.gov.cn/api/v1 (default /api/v1). */
  readonly VITE_API_BASE_URL?: string;
  /** `on` / `off`: serve the API from the in-browser mock (default: on in dev, off in builds). */
  readonly VITE_API_MOCKS?: string;
}

/** Whether this build starts the mock API in the browser (decided at build time). */
declare const __API_MOCKS__: boolean;
