// The public verification page: verifies a certificate with POST /credentials/verify, then shows the
// record, the trust chain (each digest recomputed by the registry) and the history, link by link.
const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
// ok: true (checked, holds), false (checked, fails), null (could not be checked here), 'info'
// (what the ledger records, shown for information: neither a check nor a verdict).
const badge = ok => ok === 'info' ? '<span class="badge info">LEDGER RECORD</span>' : ok === null ? '<span class="badge unknown">NOT CHECKED</span>' : ok ? '<span class="badge ok">VALID</span>' : '<span class="badge bad">INVALID</span>';
const style = ok => ok === 'info' ? 'info' : ok === null ? 'unknown' : ok ? 'ok' : 'bad';
const card = (ok, title, body) => `<div class="card ${style(ok)}" data-ok="${ok}"><h2>${badge(ok)} ${esc(title)}</h2>${body}</div>`;

function payloadOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part + '='.repeat((4 - part.length % 4) % 4)))));
}

async function verify(jwt) {
  try {
    await verifyAndShow(jwt);
  } catch (e) {
    $('result').innerHTML = card(false, 'The page could not finish', `<div>${esc(e)}</div>`);
    document.body.dataset.verified = 'false';
  }
}

async function verifyAndShow(jwt) {
  const out = $('result');
  out.innerHTML = '<p class="muted">Verifying…</p>';
  let html = '';
  const response = await fetch('/credentials/verify', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({verifiableCredential: jwt})});
  const result = await response.json();
  const checks = (result.results || []).map(c => `<div>${c.valid ? '✔' : '✘'} <b>${esc(c.check)}</b> — ${esc(c.detail)}</div>`).join('');
  const problems = (result.problemDetails || []).map(p => `<div>✘ <b>${esc(p.code)}</b> — ${esc(p.detail)}</div>`).join('');
  const verified = result.verified === true;
  html += card(verified, verified ? 'Certificate verified' : 'Certificate NOT verified', checks + problems);
  let payload = null;
  try { payload = payloadOf(jwt); } catch (e) { /* not a JWS: the problems above say so */ }
  const serial = payload?.credentialSubject?.serial;
  if (serial) {
    const record = await (await fetch('/certificates/' + encodeURIComponent(serial), {headers: {'Accept': 'application/json'}})).json();
    if (record.serial) {
      // What the ledger records is shown green only when the credential presented verified.
      const usable = record.status === 'ACTIVE' || record.status === 'RETIRED';
      html += card(verified ? usable : false, verified ? 'Certified impact' : 'What the ledger records for this serial (the credential above did NOT verify)',
        `<div class="impact">${esc(record.quantity)} ${esc(record.unit)}</div>
         <div>${esc(record.category)} · proof level ${esc(record.proofLevel)} · period ${esc(record.periodStart)} to ${esc(record.periodEnd)}</div>
         <div>serial <code>${esc(record.serial)}</code> · status <b id="status">${esc(record.status)}</b>${record.reason ? ' (' + esc(record.reason) + ')' : ''}</div>
         <div>produced by <code>${esc(record.producer)}</code> · held by <code>${esc(record.holder)}</code> · validated by <code>${esc(record.validator)}</code></div>`);
      html += await footprintCard(serial);
      const chain = await (await fetch('/certificates/' + encodeURIComponent(serial) + '/chain')).json();
      html += '<h2>Trust chain</h2>' + renderChain(chain, verified);
      const history = await (await fetch('/certificates/' + encodeURIComponent(serial) + '/history')).json();
      html += card('info', 'Transfers and retirements', '<table><tr><th>When</th><th>What</th><th>From</th><th>To</th><th>Quantity</th><th>Note</th></tr>' +
        history.map(m => `<tr><td>${esc(m.at)}</td><td>${esc(m.kind)}</td><td><code>${esc(m.from)}</code></td><td><code>${esc(m.to)}</code></td><td>${esc(m.quantity)}</td><td>${esc(m.note)}</td></tr>`).join('') + '</table>');
    }
  }
  out.innerHTML = html;
  document.body.dataset.verified = String(result.verified === true);
}

// The registry's own footprint for this certificate: three criteria, shown side by side, never added.
async function footprintCard(serial) {
  const response = await fetch('/footprint/certificates/' + encodeURIComponent(serial));
  const f = await response.json();
  if (!response.ok) {
    return card('info', "The registry's own footprint", `<div id="footprint">not available now: ${esc(f.code)} — ${esc(f.detail)}</div>`);
  }
  const figures = m => ['gwp', 'pe', 'adp'].map(c => `${esc(Number(m[c]).toPrecision(3))} ${esc(f.units[c])}`).join(' · ');
  return card('info', "The registry's own footprint",
    `<div id="footprint">producing this certificate: ${figures(f.production)}; keeping it: ${figures(f.keepingPerYear)} per year</div>
     <div class="muted">average over the ${esc(f.averagedOver)} certificates this node issued, from measured CPU time and bytes and BoaviztAPI's hardware figures (<a href="/footprint">method and figures</a>)</div>`);
}

// A link is green only when its bytes were found and their digest recomputed, and the credential
// presented verified; a link that could not be checked says so (NOT CHECKED), never VALID.
function renderChain(link, verified) {
  const digest = link.checked && link.actual ? `<div class="digest">digest ${esc(link.expected)}${link.valid ? ' — recomputed, matches' : ' — recomputed: ' + esc(link.actual)}</div>`
                             : `<div class="digest">digest ${esc(link.expected)} (pinned on the ledger, not recomputed here)</div>`;
  const ok = !link.checked ? null : link.valid ? (verified ? true : 'info') : false;
  return card(ok, `${link.kind} ${link.id}`, `<div>${esc(link.detail)}</div>${digest}` +
    (link.children || []).map(child => renderChain(child, verified)).join(''));
}

async function bySerial(serial) {
  const response = await fetch('/certificates/' + encodeURIComponent(serial) + '/credential');
  if (!response.ok) {
    const problem = await response.json();
    $('result').innerHTML = card(false, 'No such certificate', `<div>${esc(problem.code)} — ${esc(problem.detail)}</div>`);
    document.body.dataset.verified = 'false';
    return;
  }
  await verify((await response.text()).trim());
}

$('go').addEventListener('click', async () => {
  const file = $('file').files[0];
  if (file) return verify((await file.text()).trim());
  if ($('jwt').value.trim()) return verify($('jwt').value.trim());
  if ($('serial').value.trim()) return bySerial($('serial').value.trim());
});

// Links can carry what to verify: ?serial=… or #jwt=<compact vc+jwt>.
const params = new URLSearchParams(location.search);
if (location.hash.startsWith('#jwt=')) { $('jwt').value = decodeURIComponent(location.hash.slice(5)); verify($('jwt').value.trim()); }
else if (params.get('serial')) { $('serial').value = params.get('serial'); bySerial(params.get('serial')); }

// A failure of the page itself is shown, never a page stuck on "Verifying…".
window.addEventListener('unhandledrejection', e => {
  $('result').innerHTML = card(false, 'The page could not finish', `<div>${esc(e.reason)}</div>`);
  document.body.dataset.verified = 'false';
});
