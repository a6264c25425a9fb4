// Types shared by the JSDoc of widgets/static/*.js and pacte/live/dashboard/*.js (checked by tsc, never loaded).

/** anywidget's model as the widgets use it (in Jupyter and Voilà, and loader.js's StaticModel in the book). */
interface AnyModel {
  get(name: string): any;
  set(name: string, value: unknown): void;
  on(event: string, callback: (...args: any[]) => void): void;
  off(event?: string, callback?: (...args: any[]) => void): void;
  save_changes(): void;
  send?(content: unknown, callbacks?: unknown, buffers?: unknown[]): void;
}

/** What anywidget passes to a widget's `render`. */
interface RenderProps {
  model: AnyModel;
  el: HTMLElement;
}

/** An element a page of ours looks up by its id: a form control, a link or a button. */
type PageElement = HTMLInputElement & HTMLAnchorElement & HTMLButtonElement;

interface Window {
  /** The URL of the vendored Vega bundle (set by loader.js, or by the Voilà template). */
  PACTE_VENDOR_URL?: string;
}

declare var PACTE_VENDOR_URL: string | undefined;

// Every element of an HTML page (HTML, SVG and MathML alike) has a dataset, focus() and an inline
// style; the DOM library types them on HTMLElement and SVGElement only, so that `querySelector(".x")`
// (typed Element) would need a cast at each use.
interface Element extends HTMLOrSVGElement, ElementCSSInlineStyle {}
