/**
 * The in-page UI's styles, inside the closed shadow root. `:host` rules with !important win over the page's
 * own !important rules (shadow-tree important declarations take precedence), and `all: initial` cuts every
 * inherited page style.
 */
export const UI_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 !important;
  width: 100vw !important;
  height: 100vh !important;
  max-width: none !important;
  max-height: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: transparent !important;
  overflow: visible !important;
  pointer-events: none !important;
  z-index: 2147483647 !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
}
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
.panel {
  position: fixed;
  pointer-events: auto;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2327;
  background: #fff;
  border: 1px solid #c9d1d6;
  border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  text-align: left;
  letter-spacing: normal;
  direction: ltr;
}
.toolbar { display: flex; align-items: center; gap: 2px; padding: 4px; }
.sep { width: 1px; align-self: stretch; background: #dde3e6; margin: 2px 4px; }
button {
  font: inherit; color: inherit; cursor: pointer;
  border: 1px solid transparent; border-radius: 6px; background: transparent;
  padding: 4px 8px; min-height: 28px;
}
button:hover { background: #eef2f4; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #0f4c5c; outline-offset: 1px; }
.swatch { width: 28px; height: 28px; padding: 0; display: inline-flex; align-items: center; justify-content: center; }
.swatch span { width: 18px; height: 18px; border-radius: 50%; border: 1px solid rgba(0,0,0,0.25); display: block; }
.swatch[aria-pressed="true"] { border-color: #0f4c5c; }
.c-yellow { background: rgb(255, 214, 0); }
.c-green { background: rgb(64, 200, 90); }
.c-blue { background: rgb(70, 150, 255); }
.c-pink { background: rgb(255, 100, 170); }
.c-purple { background: rgb(160, 100, 255); }
.card { width: 320px; padding: 10px; display: flex; flex-direction: column; gap: 8px; }
.card header { display: flex; align-items: center; justify-content: space-between; gap: 8px; font-weight: 600; }
.card .quote { color: #50575e; font-style: italic; max-height: 3.9em; overflow: hidden; }
.row { display: flex; align-items: center; gap: 4px; flex-wrap: wrap; }
label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: #50575e; }
textarea, input {
  font: 13px/1.35 system-ui, sans-serif; color: #1d2327; background: #fff;
  border: 1px solid #c9d1d6; border-radius: 6px; padding: 5px 6px; width: 100%;
}
textarea { min-height: 64px; resize: vertical; }
.actions { display: flex; justify-content: space-between; gap: 6px; }
.primary { background: #0f4c5c; color: #fff; }
.primary:hover { background: #13627a; }
.danger { color: #a4262c; }
.status { font-size: 12px; color: #a4262c; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
dt { color: #50575e; }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.orphans { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; max-height: 260px; overflow: auto; }
.orphans button { width: 100%; text-align: left; display: flex; flex-direction: column; gap: 2px; border-color: #dde3e6; }
.sub { font-size: 12px; color: #50575e; }
.notices { position: fixed; right: 12px; bottom: 12px; display: flex; flex-direction: column; gap: 6px; max-width: 380px; }
.notice { position: static; padding: 8px 10px; display: flex; align-items: center; gap: 8px; }
.notice.error { border-color: #e0a3a6; }
.notice p { margin: 0; flex: 1; }
`;
