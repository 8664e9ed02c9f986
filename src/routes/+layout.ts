// The whole app is static: the engine runs in the browser.
export const prerender = true;
