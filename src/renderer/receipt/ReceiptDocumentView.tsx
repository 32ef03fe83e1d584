/** A receipt document on screen and on paper: one section per language, each with its own `lang`. */
import type { ReceiptDocument } from './receipt-document';

export function ReceiptDocumentView(props: {
  document: ReceiptDocument;
  label: string;
  /** The element id Print looks for. */
  id: string;
  testId?: string;
}) {
  const { document } = props;
  return (
    <article
      id={props.id}
      className="receipt"
      data-testid={props.testId ?? 'receipt'}
      data-kind={document.kind}
      aria-label={props.label}
    >
      {document.sections.map((section) => (
        <section
          key={section.language}
          className="receipt-section"
          lang={section.language === 'fr' ? 'fr-CA' : 'en-CA'}
          data-language={section.language}
        >
          <h2>{section.heading}</h2>
          {section.demoMarker ? <p className="receipt-demo">{section.demoMarker}</p> : null}
          <dl>
            {section.rows.map((row) => (
              <div key={row.key} className="receipt-row" data-row={row.key}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
          {section.items ? (
            <table className="receipt-items" data-testid="receipt-items">
              <caption>{section.items.heading}</caption>
              <thead>
                <tr>
                  {section.items.columns.map((column, index) => (
                    <th key={column} scope="col" className={index > 0 ? 'money' : undefined}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.items.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, index) => (
                      <td key={index} className={index > 0 ? 'money' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {section.notes.map((note, index) => (
            <p key={index} className="fee-message">
              {note}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
