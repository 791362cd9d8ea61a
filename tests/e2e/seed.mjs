// A rich draft put straight into IndexedDB as the app stores it, and a reader of what the
// store holds: shared by the tests that start from a finished Libretto.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { BASE_URL, open } from './browser.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
export const PDF = new URL('./fixtures/attestato-haccp.pdf', import.meta.url).pathname;
export const PDF_SHA = createHash('sha256').update(readFileSync(PDF)).digest('hex');

export const DRAFT_ID = '4f1d2c3b-9a8e-4c7d-8b6a-5e4f3d2c1b0a';

/**
 * A draft with one of everything and a stored PDF, put in IndexedDB as the app stores it;
 * `edit` may change the Libretto first (hostile text, another name); `texts`: the page's language.
 */
export async function seedRichDraft(page, { id = DRAFT_ID, base = BASE_URL, edit = () => {}, texts = it } = {}) {
  const pdf = [...readFileSync(PDF)];
  const file = { sha256: PDF_SHA, nome: 'attestato-haccp.pdf', tipo_mime: 'application/pdf', dimensione: pdf.length };
  const draft = {
    id, name: 'Libretto di Marco', revision: 4, format_version: 2, state: 'bozza',
    created_at: '2026-10-01T08:00:00Z', updated_at: '2026-10-02T09:30:00Z',
    libretto: {
      dati_personali: {
        nome: 'Marco', cognome: 'Rossi', codice_fiscale: 'RSSMRA45D25F205N', sesso: 'M', data_nascita: '1945-04-25',
        luogo_nascita: 'Milano', cittadinanza: 'Italiana', telefono: '+39 333 1234567', email: 'marco@example.it',
        residenza: { indirizzo: 'Via Dante 2', cap: '20121', comune: 'Milano', provincia: 'MI', regione: 'lombardia' },
        domicilio: null, titolo_soggiorno: null, condizione_occupazionale: 'disoccupato',
      },
      esperienze_lavorative: [{
        id: 'e1', inizio: '2010-03', fine: '2020', in_corso: false, datore: 'Officine Srl', datore_cf: '',
        comune_sede: 'Milano', settore: { codice: '25.62', descrizione: 'Meccanica' },
        professione: { codice: '6.2.2.1.0', descrizione: 'Tornitore' }, tipo_contratto: 'A.01.00',
        mansioni: 'Tornio CNC', fonte: 'autodichiarazione', evidenze: ['d1'],
      }],
      titoli_istruzione: [{ id: 't1', denominazione: 'Diploma di perito meccanico', livello_eqf: 4, istituto: 'ITIS',
        luogo: 'Milano', anno: '1964', votazione: '', completato: true, evidenze: [] }],
      esperienze_formative: [{ id: 'f1', titolo: 'Sicurezza sul lavoro', ente: 'Ente', regione: 'lombardia', durata: 8,
        unita_durata: 'O', attestazione: 'frequenza', stage: false, azienda_stage: '', inizio: '2019-05-06',
        fine: null, evidenze: [] }],
      lingue: [{ id: 'l1', lingua: 'Italiano', madrelingua: true, ascolto: null, lettura: null, interazione: null,
        produzione_orale: null, scrittura: null, certificato: '' }],
      competenze_digitali: { informazione: 'B', comunicazione: 'A', creazione_contenuti: null, sicurezza: null,
        risoluzione_problemi: null, note: '' },
      patenti: { categorie: ['B', 'C'], altre: 'Muletto' },
      competenze: [{ id: 'c1', tipologia: 'tecnico_professionale', descrizione: 'Sono in grado di usare un tornio CNC',
        contesto: 'informale', esperienze: ['e1'], evidenze: ['d1'], stato: 'autodichiarata' }],
      evidenze: [{ id: 'd1', titolo: 'Lettera di referenze', categoria: 'lavoro', emesso_da: 'Officine Srl',
        data: '2020-12', file }],
    },
  };
  edit(draft.libretto);
  await open(page, '/libretto', base);
  await page.getByText(texts.libretto_drafts_empty).waitFor();
  await page.evaluate(
    ({ draft, pdf, file }) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('sportello');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(['drafts', 'evidence'], 'readwrite');
          tx.objectStore('drafts').put(draft);
          tx.objectStore('evidence').put({
            sha256: file.sha256, nome: file.nome, tipo_mime: file.tipo_mime, dimensione: file.dimensione,
            added_at: '2026-10-02T09:00:00Z', blob: new Blob([new Uint8Array(pdf)], { type: file.tipo_mime }),
          });
          tx.oncomplete = () => { req.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { draft, pdf, file },
  );
}

/** The stored draft and the SHA-256 of every stored file, read straight from IndexedDB. */
export async function readStore(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('sportello');
        req.onerror = () => reject(req.error);
        req.onsuccess = async () => {
          const tx = req.result.transaction(['drafts', 'evidence'], 'readonly');
          const all = (store) => new Promise((ok) => { const r = tx.objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
          const drafts = await all('drafts');
          const evidence = await all('evidence');
          req.result.close();
          const files = [];
          for (const e of evidence) {
            const digest = await crypto.subtle.digest('SHA-256', await e.blob.arrayBuffer());
            files.push({ key: e.sha256, name: e.nome, type: e.tipo_mime, size: e.dimensione,
              bytesSha: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') });
          }
          resolve({ drafts, files });
        };
      }),
  );
}


/** The saved simulations of one kind (`ila_check`, `dote_scenario`), read straight from IndexedDB. */
export async function readSimulations(page, kind) {
  return page.evaluate(
    (kind) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('sportello');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('simulations').objectStore('simulations').getAll();
          r.onsuccess = () => { req.result.close(); resolve(r.result.filter((s) => s.kind === kind)); };
          r.onerror = () => reject(r.error);
        };
      }),
    kind,
  );
}
