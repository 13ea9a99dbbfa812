/** Labelled form controls of the Respond composer, with ids under one prefix. */
import { t } from '../../i18n/index.ts';
import type { PlainMessageKey } from '../../i18n/index.ts';
import { h } from '../dom.ts';

export interface TextOptions {
  readonly placeholder: PlainMessageKey;
  readonly maxLength: number;
}

export class Fields {
  constructor(readonly id: (part: string) => string) {}

  select(
    name: string,
    labelKey: PlainMessageKey,
    options: readonly (readonly [string, string])[],
  ): HTMLSelectElement {
    const control = h(
      'select',
      { className: 'respond-control', id: this.id(name), attrs: { name } },
      options.map(([value, label]) => h('option', { text: label, attrs: { value } })),
    );
    this.wrap(name, labelKey, control);
    return control;
  }

  input(name: string, labelKey: PlainMessageKey, o: TextOptions): HTMLInputElement {
    const control = h('input', {
      className: 'respond-control',
      id: this.id(name),
      attrs: {
        name,
        type: 'text',
        autocomplete: 'off',
        maxlength: String(o.maxLength),
        placeholder: t(o.placeholder),
      },
    });
    this.wrap(name, labelKey, control);
    return control;
  }

  area(name: string, labelKey: PlainMessageKey, o: TextOptions): HTMLTextAreaElement {
    const control = h('textarea', {
      className: 'respond-control respond-area',
      id: this.id(name),
      attrs: { name, rows: '2', maxlength: String(o.maxLength), placeholder: t(o.placeholder) },
    });
    this.wrap(name, labelKey, control);
    return control;
  }

  private wrap(name: string, labelKey: PlainMessageKey, control: HTMLElement): void {
    h('div', { className: `respond-field respond-field-${name}` }, [
      h('label', { className: 'respond-label', text: t(labelKey), attrs: { for: this.id(name) } }),
      control,
    ]);
  }
}
