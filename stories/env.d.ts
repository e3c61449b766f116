/// <reference types="vite/client" />
// The stories are bundled by Vite: `?url` imports and import.meta.glob are available to them.
