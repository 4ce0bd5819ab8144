/*
 * The public dashboard: the promises of a municipality and year from GET api/progress, the situation picture from
 * GET api/situation/{code}, kept live by the server-sent events of GET api/stream.
 *
 * Every text that comes from the API is put on the page as a text node (textContent, append), never as markup.
 */
(() => {
  'use strict';

  const DEFAULT_CODE = '1293';
  const DEFAULT_YEAR = 2021;
  const FIRST_YEAR = 2019;
  const ZONE = 'Europe/Stockholm';

  /** Skåne's municipalities with their SCB codes; any other code in the address is shown as "Kommun NNNN". */
  const MUNICIPALITIES = [
    ['1214', 'Svalöv'], ['1230', 'Staffanstorp'], ['1231', 'Burlöv'], ['1233', 'Vellinge'],
    ['1256', 'Östra Göinge'], ['1257', 'Örkelljunga'], ['1260', 'Bjuv'], ['1261', 'Kävlinge'],
    ['1262', 'Lomma'], ['1263', 'Svedala'], ['1264', 'Skurup'], ['1265', 'Sjöbo'], ['1266', 'Hörby'],
    ['1267', 'Höör'], ['1270', 'Tomelilla'], ['1272', 'Bromölla'], ['1273', 'Osby'], ['1275', 'Perstorp'],
    ['1276', 'Klippan'], ['1277', 'Åstorp'], ['1278', 'Båstad'], ['1280', 'Malmö'], ['1281', 'Lund'],
    ['1282', 'Landskrona'], ['1283', 'Helsingborg'], ['1284', 'Höganäs'], ['1285', 'Eslöv'], ['1286', 'Ystad'],
    ['1287', 'Trelleborg'], ['1290', 'Kristianstad'], ['1291', 'Simrishamn'], ['1292', 'Ängelholm'],
    ['1293', 'Hässleholm'],
  ].sort((a, b) => a[1].localeCompare(b[1], 'sv'));

  /** The badge of each status, with the forms the summary line needs. */
  const STATUS = {
    MET: { label: 'Uppfyllt', one: 'uppfyllt', many: 'uppfyllda' },
    ON_TRACK: { label: 'I fas', one: 'i fas', many: 'i fas' },
    BEHIND: { label: 'Efter', one: 'efter', many: 'efter' },
    MISSED: { label: 'Missat', one: 'missat', many: 'missade' },
    NOT_STARTED: { label: 'Ej påbörjat', one: 'ej påbörjat', many: 'ej påbörjade' },
    ASSESSED: { label: 'Bedömt', one: 'bedömt', many: 'bedömda' },
    UNASSESSED: { label: 'Ej bedömt', one: 'ej bedömt', many: 'ej bedömda' },
  };
  /** A promise with several commitments shows the worst of them. */
  const WORST_FIRST = ['MISSED', 'BEHIND', 'NOT_STARTED', 'ON_TRACK', 'MET'];

  const ASSESSMENT = { FULFILLED: 'Uppfyllt', PARTLY_FULFILLED: 'Delvis uppfyllt', NOT_FULFILLED: 'Ej uppfyllt' };
  const PARTY = { POLICE: 'Polisen', MUNICIPALITY: 'Kommunen', JOINT: 'Gemensamt' };
  const THEME = {
    TRAFFIC: 'Trafik', DRUG_TRADE: 'Droghandel', KEY_CRIMINALS: 'Tongivande kriminella',
    NEIGHBOURHOOD_WATCH: 'Grannsamverkan', SAFETY_WALK: 'Trygghetsvandring', LIGHTING: 'Belysning',
    VANDALISM: 'Skadegörelse', LITTERING: 'Nedskräpning', BURGLARY: 'Inbrott', VIOLENCE: 'Våld',
  };
  /** Activity words: singular, plural and article, so that targets read "minst en trygghetsvandring". */
  const ACTIVITY = {
    TRAFFIC_CONTROL: { one: 'trafikkontroll', many: 'trafikkontroller', article: 'en',
      targeted: { one: 'riktad trafikkontroll', many: 'riktade trafikkontroller', article: 'en' } },
    SAFETY_WALK: { one: 'trygghetsvandring', many: 'trygghetsvandringar', article: 'en' },
    CONTACT_MEETING: { one: 'kontaktombudsträff', many: 'kontaktombudsträffar', article: 'en' },
    DRUG_TRADE_OPERATION: { one: 'insats mot droghandel', many: 'insatser mot droghandel', article: 'en' },
    KEY_CRIMINAL_ACTION: { one: 'åtgärd mot tongivande kriminella', many: 'åtgärder mot tongivande kriminella',
      article: 'en' },
    VISIBLE_PRESENCE: { one: 'pass med synlig närvaro', many: 'pass med synlig närvaro', article: 'ett' },
    OTHER: { one: 'annan aktivitet', many: 'andra aktiviteter', article: 'en' },
  };
  const ACTIVITY_HEADING = {
    TRAFFIC_CONTROL: 'Trafikkontroller', SAFETY_WALK: 'Trygghetsvandringar', CONTACT_MEETING: 'Kontaktombudsträffar',
    DRUG_TRADE_OPERATION: 'Insatser mot droghandel', KEY_CRIMINAL_ACTION: 'Åtgärder mot tongivande kriminella',
    VISIBLE_PRESENCE: 'Synlig närvaro', OTHER: 'Övrigt',
  };
  const SUB_KIND = { SPEED: 'hastighet', SOBRIETY: 'nykterhet', HEAVY_VEHICLES: 'tung trafik', GENERAL: 'allmän' };
  const CATEGORY = {
    DRUG_TRADE: 'Droghandel', TRAFFIC: 'Trafik', LIGHTING: 'Belysning', YOUTH_GATHERING: 'Ungdomar som samlas',
    VANDALISM: 'Skadegörelse', LITTERING: 'Nedskräpning', BURGLARY: 'Inbrott', HARASSMENT: 'Trakasserier',
    VIOLENCE: 'Våld', OTHER: 'Övrigt',
  };
  const INDICATOR = {
    DRUG_DEALING_IN_PUBLIC: 'Narkotikaförsäljning på allmän plats', LITTERING: 'Nedskräpning',
    RECKLESS_DRIVING: 'Vårdslös trafik', FEELING_UNSAFE_OUT_LATE: 'Otrygghet ute sent på kvällen',
  };
  const PER = { MONTH: 'i månaden', QUARTER: 'i kvartalet', YEAR: 'under året' };
  const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
    'november', 'december'];
  const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const QUARTERS = ['första kvartalet', 'andra kvartalet', 'tredje kvartalet', 'fjärde kvartalet'];

  const numbers = new Intl.NumberFormat('sv-SE');
  const decimals = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const moments = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });
  const dates = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: ZONE });
  const stockholmParts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' });

  const state = {
    code: DEFAULT_CODE,
    year: DEFAULT_YEAR,
    report: null,
    /** promiseId → its card, reused by every render so that a live change never replaces the element. */
    cards: new Map(),
    /** promiseId → {activitiesDone, activities}, the work done under a promise, from "you said → we did". */
    linked: new Map(),
    loads: 0,
    situationTimer: null,
    titles: 0,
  };

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; string children become text nodes, null ones are left out. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
    return node;
  }

  /** Words for screen readers only, giving a visible value its context ("Status: Missat"). */
  const spoken = (text) => el('span', { class: 'visually-hidden', text });
  const fmt = (n) => numbers.format(n);
  const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const readable = (code) => capitalise(String(code).toLowerCase().replace(/_/g, ' '));
  const sum = (items, value) => items.reduce((total, item) => total + (value(item) || 0), 0);
  const latest = (instants) => instants.filter(Boolean).sort().pop() || null;
  const days = (n) => fmt(n) + (n === 1 ? ' dag' : ' dagar');
  const percent = (fraction) => Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10 + '%';

  // ---- periods -------------------------------------------------------------------------------------------------

  /** A period key (2021-03, 2021-Q1, 2021) as its parts. */
  function parsePeriod(key) {
    let m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m) return { unit: 'MONTH', year: +m[1], index: +m[2] - 1 };
    m = /^(\d{4})-Q([1-4])$/.exec(key);
    if (m) return { unit: 'QUARTER', year: +m[1], index: +m[2] - 1 };
    m = /^(\d{4})$/.exec(key);
    return m ? { unit: 'YEAR', year: +m[1], index: 0 } : null;
  }

  /** "mars", "mars 2021", "första kvartalet 2021", "2021". */
  function periodName(key, withYear = false) {
    const p = parsePeriod(key);
    if (!p) return key;
    const year = withYear ? ' ' + p.year : '';
    if (p.unit === 'MONTH') return MONTHS[p.index] + year;
    if (p.unit === 'QUARTER') return QUARTERS[p.index] + year;
    return String(p.year);
  }

  /** "i mars", "under första kvartalet", "under 2021". */
  function inPeriod(key) {
    const p = parsePeriod(key);
    return (p && p.unit === 'MONTH' ? 'i ' : 'under ') + periodName(key);
  }

  function markerLabel(key) {
    const p = parsePeriod(key);
    if (!p) return key;
    if (p.unit === 'MONTH') return MONTHS_SHORT[p.index];
    return p.unit === 'QUARTER' ? 'K' + (p.index + 1) : String(p.year);
  }

  /** The key of the period of `unit` that `instant` falls in, in Stockholm time. */
  function currentKey(unit, instant) {
    const parts = Object.fromEntries(stockholmParts.formatToParts(instant).map((part) => [part.type, part.value]));
    if (unit === 'MONTH') return parts.year + '-' + parts.month;
    if (unit === 'QUARTER') return parts.year + '-Q' + (Math.floor((+parts.month - 1) / 3) + 1);
    return parts.year;
  }

  function daysIn(key) {
    const p = parsePeriod(key);
    const month = (y, m) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    if (!p) return 0;
    if (p.unit === 'MONTH') return month(p.year, p.index);
    if (p.unit === 'QUARTER') return [0, 1, 2].reduce((total, i) => total + month(p.year, p.index * 3 + i), 0);
    return month(p.year, 1) === 29 ? 366 : 365;
  }

  // ---- texts ---------------------------------------------------------------------------------------------------

  /** "en trygghetsvandring", "20 riktade trafikkontroller". */
  function countOf(n, type, targeted = false) {
    const fallback = readable(type).toLowerCase();
    const base = ACTIVITY[type] || { one: fallback, many: fallback, article: 'en' };
    const words = targeted && base.targeted ? base.targeted : base;
    return n === 1 ? words.article + ' ' + words.one : fmt(n) + ' ' + words.many;
  }

  function targetText(commitment) {
    const filter = commitment.filter || {};
    let text = 'minst ' + countOf(commitment.minimumCount, commitment.activityType, filter.targeted === true);
    if (filter.subKind) text += ' (' + (SUB_KIND[filter.subKind] || readable(filter.subKind).toLowerCase()) + ')';
    if (filter.area) text += ' i ' + filter.area;
    return text + ' ' + (PER[commitment.per] || '');
  }

  const updatedText = (iso) => (iso ? 'Senast uppdaterad ' + moments.format(new Date(iso)) : 'Inget rapporterat ännu');

  // ---- a promise's card ----------------------------------------------------------------------------------------

  /**
   * Where a commitment stands at `asOf`: in its running period (RUNNING), or, in a year that is over or has not
   * begun, the whole year (OVER, UPCOMING); BETWEEN when the agreement leaves a gap around today.
   */
  function standing(commitment, asOf) {
    const periods = commitment.periods || [];
    const nowKey = currentKey(commitment.per, asOf);
    const running = periods.find((p) => p.period === nowKey) || null;
    const past = periods.filter((p) => p.period < nowKey);
    let phase;
    let status;
    if (running) {
      [phase, status] = ['RUNNING', running.status];
    } else if (periods.length > 0 && past.length === periods.length) {
      [phase, status] = ['OVER', periods.every((p) => p.status === 'MET') ? 'MET' : 'MISSED'];
    } else if (past.length === 0) {
      [phase, status] = ['UPCOMING', 'NOT_STARTED'];
    } else {
      [phase, status] = ['BETWEEN', past[past.length - 1].status];
    }
    return {
      periods, nowKey, running, past, phase, status,
      done: sum(periods, (p) => p.done),
      met: periods.filter((p) => p.status === 'MET').length,
      vehiclesChecked: sum(periods, (p) => p.vehiclesChecked),
      violations: sum(periods, (p) => p.violations),
      updatedAt: latest(periods.map((p) => p.updatedAt)),
    };
  }

  /** A progress bar; `pace` places a mark where the count should be by now. Its numbers are in the text next to it. */
  function bar(fraction, pace = null, paceLabel = null) {
    const fill = el('span', { class: 'bar-fill' });
    fill.style.width = percent(fraction);
    const track = el('div', { class: 'bar', 'aria-hidden': 'true' }, fill);
    if (pace !== null) {
      const mark = el('span', { class: 'bar-pace', title: paceLabel });
      mark.style.left = percent(pace);
      track.append(mark);
    }
    return track;
  }

  /** "14 av 20 i mars, 3 dagar kvar", with the bar against the pace the period has reached. */
  function runningPeriod(p) {
    const length = daysIn(p.period);
    const pace = length ? Math.min(1, Math.max(0, (length - p.daysLeft) / length)) : 0;
    const expected = Math.floor(p.target * pace);
    const met = p.status === 'MET';
    const nodes = [
      bar(p.target ? p.done / p.target : 1, met ? null : pace, 'Takten: ' + fmt(expected) + ' av ' + fmt(p.target)),
      el('p', { class: 'headline' }, el('strong', { class: 'count', text: fmt(p.done) + ' av ' + fmt(p.target) }),
        ' ' + inPeriod(p.period) + (met ? ' – målet är nått' : ', ' + days(p.daysLeft) + ' kvar')),
    ];
    if (p.status === 'BEHIND') {
      nodes.push(el('p', { class: 'hint', text: 'Efter takten: vid det här laget borde ' + fmt(expected)
        + ' vara gjorda. ' + fmt(p.remaining) + ' till behövs på ' + days(p.daysLeft) + '.' }));
    } else if (p.status === 'ON_TRACK') {
      nodes.push(el('p', { class: 'hint', text: 'I takt: ' + fmt(p.remaining) + ' till på ' + days(p.daysLeft) + '.' }));
    }
    return nodes;
  }

  /** A year of months or quarters that is over (or partly over): how many periods met the target, and the total. */
  function periodsSoFar(commitment, view, year) {
    const over = view.phase === 'OVER';
    const last = view.past[view.past.length - 1];
    const targeted = Boolean(commitment.filter && commitment.filter.targeted);
    return [
      bar(view.met / view.periods.length),
      el('p', { class: 'headline' }, 'Målet nåddes ',
        el('strong', { class: 'count', text: fmt(view.met) + ' av ' + fmt(view.periods.length) }),
        ' ' + (commitment.per === 'QUARTER' ? 'kvartal' : 'månader') + (over ? ' under ' + year : ' hittills')),
      el('p', { class: 'hint' }, 'Totalt ',
        el('strong', { class: 'total', text: countOf(view.done, commitment.activityType, targeted) }),
        ' under ' + (over ? 'året' : 'året hittills') + '. '
          + capitalise(periodName(last.period)) + ': ' + fmt(last.done) + ' av ' + fmt(last.target) + '.'),
    ];
  }

  function singlePeriodOver(p) {
    return [
      bar(p.target ? p.done / p.target : 1),
      el('p', { class: 'headline' }, el('strong', { class: 'count', text: fmt(p.done) + ' av ' + fmt(p.target) }),
        ' ' + inPeriod(p.period) + (p.status === 'MET' ? ' – målet nåddes' : ' – målet nåddes inte')),
    ];
  }

  function upcoming(commitment, view, year) {
    const first = view.periods[0];
    const starts = first
      ? ' – börjar ' + inPeriod(first.period) + (parsePeriod(first.period).unit === 'YEAR' ? '' : ' ' + year)
      : '';
    return [
      bar(0),
      el('p', { class: 'headline' },
        el('strong', { class: 'count', text: '0 av ' + fmt(commitment.minimumCount) }), starts),
    ];
  }

  /** One marker per period: met, missed, running or not yet, with the count done in it. */
  function markers(commitment, view) {
    const label = { MONTH: 'Månad för månad', QUARTER: 'Kvartal för kvartal' }[commitment.per] || 'Period för period';
    const list = el('ol', { class: 'markers', 'aria-label': label });
    list.style.gridTemplateColumns = 'repeat(' + view.periods.length + ', minmax(0, 1fr))';
    for (const p of view.periods) {
      const running = p.period === view.nowKey;
      const notYet = p.period > view.nowKey;
      let status = notYet ? 'NOT_STARTED' : p.status;
      let word = notYet ? 'ej påbörjat' : (STATUS[p.status] || STATUS.NOT_STARTED).one;
      if (running && p.status !== 'MET') [status, word] = ['RUNNING', 'pågår'];
      const text = capitalise(periodName(p.period, true)) + ': ' + fmt(p.done) + ' av ' + fmt(p.target) + ', ' + word;
      list.append(el('li', { 'data-period': p.period, 'data-status': status, title: text },
        el('span', { class: 'marker', 'aria-hidden': 'true', text: notYet && p.done === 0 ? '' : fmt(p.done) }),
        el('span', { class: 'marker-label', 'aria-hidden': 'true', text: markerLabel(p.period) }),
        spoken(text)));
    }
    return list;
  }

  function commitmentBlock(commitment, view, year) {
    const block = el('div', { class: 'commitment', 'data-commitment-id': commitment.commitmentId,
      'data-status': view.status });
    block.append(el('p', { class: 'target' }, el('span', { class: 'label', text: 'Mål: ' }),
      targetText(commitment) + ' · ' + year));
    if (view.phase === 'RUNNING') block.append(...runningPeriod(view.running));
    else if (view.phase === 'UPCOMING') block.append(...upcoming(commitment, view, year));
    else if (view.periods.length > 1) block.append(...periodsSoFar(commitment, view, year));
    else block.append(...singlePeriodOver(view.periods[0]));

    if (view.periods.length > 1) block.append(markers(commitment, view));
    if (commitment.activityType === 'TRAFFIC_CONTROL' || view.vehiclesChecked > 0 || view.violations > 0) {
      block.append(el('p', { class: 'results' },
        el('span', { class: 'label', text: view.phase === 'OVER' ? 'Resultat under ' + year + ': ' : 'Resultat hittills: ' }),
        el('span', { class: 'vehicles', text: fmt(view.vehiclesChecked) + ' kontrollerade fordon' }),
        ' · ',
        el('span', { class: 'violations',
          text: fmt(view.violations) + (view.violations === 1 ? ' överträdelse' : ' överträdelser') })));
    }
    return block;
  }

  /** Ongoing work: the latest assessment, and the work reported under the promise. */
  function ongoingBlock(promise) {
    const assessment = promise.latestAssessment;
    const block = el('div', { class: 'ongoing' },
      el('p', { class: 'target' }, el('span', { class: 'label', text: 'Löpande arbete: ' }),
        'följs upp med bedömningar av kommunens och polisens samordnare.'));
    if (assessment) {
      block.append(el('div', { class: 'assessment', 'data-assessment': assessment.assessment },
        el('p', { class: 'assessment-period', text: 'Senaste bedömning, ' + periodName(assessment.period, true) }),
        el('p', { class: 'assessment-value', text: ASSESSMENT[assessment.assessment] || readable(assessment.assessment) }),
        assessment.comment ? el('p', { class: 'assessment-comment', text: assessment.comment }) : null));
    } else {
      block.append(el('p', { class: 'headline', text: 'Ännu inte bedömt.' }));
    }
    const linked = state.linked.get(promise.promiseId);
    if (linked && linked.activitiesDone > 0) {
      const work = (linked.activities || []).map((t) => countOf(t.count, t.type));
      block.append(el('p', { class: 'results' }, el('span', { class: 'label', text: 'Kopplat arbete: ' }),
        work.length ? work.join(', ') : countOf(linked.activitiesDone, 'OTHER')));
    }
    return block;
  }

  /** Fills a promise's card anew, keeping the card element itself; answers the badge's status. */
  function fillCard(card, promise, year) {
    const asOf = new Date(state.report.asOf);
    const commitments = promise.commitments || [];
    const views = commitments.map((c) => standing(c, asOf));
    const status = commitments.length
      ? views.map((v) => v.status).sort((a, b) => WORST_FIRST.indexOf(a) - WORST_FIRST.indexOf(b))[0]
      : promise.latestAssessment ? 'ASSESSED' : 'UNASSESSED';
    if (!card.dataset.titleId) card.dataset.titleId = 'promise-title-' + ++state.titles;
    card.dataset.status = status;
    card.setAttribute('aria-labelledby', card.dataset.titleId);

    const tags = el('p', { class: 'tags' },
      el('span', { class: 'party', 'data-party': promise.party },
        spoken('Ansvarig: '), PARTY[promise.party] || readable(promise.party || 'okänd')),
      THEME[promise.theme] ? el('span', { class: 'theme', text: THEME[promise.theme] }) : null);
    let updated = null;
    if (commitments.length) {
      updated = el('p', { class: 'updated', text: updatedText(latest(views.map((v) => v.updatedAt))) });
    } else if (promise.latestAssessment && promise.latestAssessment.assessedAt) {
      updated = el('p', { class: 'updated', text: 'Bedömd ' + dates.format(new Date(promise.latestAssessment.assessedAt)) });
    }
    card.replaceChildren(
      el('div', { class: 'card-head' }, tags,
        el('p', { class: 'badge', 'data-status': status }, spoken('Status: '), STATUS[status].label)),
      el('h3', { id: card.dataset.titleId, text: promise.title }),
      ...(promise.description ? [el('p', { class: 'description', text: promise.description })] : []),
      ...(commitments.length ? commitments.map((c, i) => commitmentBlock(c, views[i], year)) : [ongoingBlock(promise)]),
      ...(updated ? [updated] : []));
    return status;
  }

  // ---- the page ------------------------------------------------------------------------------------------------

  function renderReport() {
    const report = state.report;
    const agreements = report.agreements || [];
    const known = MUNICIPALITIES.find((m) => m[0] === state.code);
    const place = agreements.length ? agreements[0].municipalityName
      : known ? known[1] + 's kommun' : 'kommun ' + state.code;

    $('page-title').textContent = 'Medborgarlöften ' + state.year;
    $('agreement-parties').textContent = agreements.length
      ? agreements[0].municipalityName + ' och ' + agreements[0].policeArea
        + (agreements[0].status === 'CLOSED' ? ' · avslutat' : '')
      : place;
    document.title = 'Medborgarlöften ' + state.year + ' – ' + place;

    const counts = {};
    const cards = [];
    for (const agreement of agreements) {
      for (const promise of agreement.promises || []) {
        const card = state.cards.get(promise.promiseId)
          || el('article', { class: 'card', 'data-promise-id': promise.promiseId });
        state.cards.set(promise.promiseId, card);
        const status = fillCard(card, promise, report.year);
        counts[status] = (counts[status] || 0) + 1;
        cards.push(card);
      }
    }
    for (const id of [...state.cards.keys()]) {
      if (!cards.some((card) => card.dataset.promiseId === id)) state.cards.delete(id);
    }
    const container = $('promises');
    const unchanged = cards.length === container.children.length
      && cards.every((card, i) => container.children[i] === card);
    if (!unchanged) container.replaceChildren(...cards);

    const parts = Object.keys(STATUS).filter((s) => counts[s])
      .map((s) => fmt(counts[s]) + ' ' + (counts[s] === 1 ? STATUS[s].one : STATUS[s].many));
    $('summary').textContent = cards.length
      ? fmt(cards.length) + (cards.length === 1 ? ' löfte: ' : ' löften: ') + parts.join(', ')
      : '';
    $('legend').hidden = !agreements.some((a) => (a.promises || [])
      .some((p) => (p.commitments || []).some((c) => c.per === 'MONTH')));
    $('as-of').textContent = report.asOf ? ' · Uppgifter per ' + moments.format(new Date(report.asOf)) : '';
    showMessage(agreements.length ? null
      : 'Det finns inga publicerade medborgarlöften för ' + place + ' ' + state.year + '.');
  }

  function showMessage(text, isError = false) {
    const box = $('message');
    box.hidden = !text;
    box.textContent = text || '';
    box.classList.toggle('error', isError);
  }

  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  /** Loads the chosen municipality and year; an answer to an older load is dropped. */
  async function load() {
    const load = ++state.loads;
    const { code, year } = state;
    const main = $('main');
    main.setAttribute('aria-busy', 'true');
    $('csv-link').setAttribute('href',
      'api/progress/export.csv?municipalityCode=' + encodeURIComponent(code) + '&year=' + year);
    try {
      const report = await fetchJson('api/progress?municipalityCode=' + encodeURIComponent(code) + '&year=' + year);
      if (load !== state.loads) return;
      state.report = report;
      renderReport();
      loadSituation();
    } catch (error) {
      if (load === state.loads) {
        showMessage('Uppgifterna kunde inte hämtas just nu' + (error.status ? ' (fel ' + error.status + ')' : '')
          + '. Försök igen om en stund.', true);
      }
    } finally {
      if (load === state.loads) main.setAttribute('aria-busy', 'false');
    }
  }

  // ---- the situation picture -----------------------------------------------------------------------------------

  async function loadSituation() {
    const { code, year } = state;
    try {
      const picture = await fetchJson('api/situation/' + encodeURIComponent(code)
        + '?from=' + year + '-01-01&to=' + year + '-12-31');
      if (code === state.code && year === state.year) renderSituation(picture);
    } catch (error) {
      // Not offered (404) or failing: the promises stand on their own.
      $('lagesbild').hidden = true;
    }
  }

  /** Many changes arrive together; the picture is fetched once they have settled. */
  function scheduleSituation() {
    clearTimeout(state.situationTimer);
    state.situationTimer = setTimeout(loadSituation, 1000);
  }

  const citizens = (item, limit) => (item.citizens === null || item.citizens === undefined
    ? 'färre än ' + fmt(item.fewerThan || limit)
    : fmt(item.citizens) + (item.citizens === 1 ? ' person' : ' personer'));

  function barItem(label, value, fraction, detail, suppressed = false) {
    const fill = el('span', { class: 'bar-fill' });
    fill.style.width = percent(Math.max(0.02, fraction));
    return el('li', { class: suppressed ? 'suppressed' : null },
      el('div', { class: 'bar-row' }, el('span', { class: 'bar-label', text: label }),
        el('span', { class: 'bar-value', text: value })),
      el('div', { class: 'bar', 'aria-hidden': 'true' }, fill),
      detail ? el('p', { class: 'bar-detail', text: detail }) : null);
  }

  function fillPanel(panelId, listId, items) {
    $(listId).replaceChildren(...items);
    $(panelId).hidden = items.length === 0;
  }

  function renderSituation(picture) {
    const limit = picture.smallCountLimit || 3;
    $('small-limit').textContent = fmt(limit);
    $('lagesbild-period').textContent = 'Hela ' + state.year;

    const concerns = picture.concerns || [];
    const mostCitizens = Math.max(1, ...concerns.map((c) => c.citizens || 0));
    fillPanel('oro', 'oro-list', concerns.map((c) => barItem(
      CATEGORY[c.category] || readable(c.category),
      citizens(c, limit),
      (c.citizens || 0) / mostCitizens,
      (c.areas || []).map((a) => a.area + ': ' + citizens(a, limit)).join(' · '),
      c.citizens === null)));

    const activities = picture.activities || [];
    const mostDone = Math.max(1, ...activities.map((a) => a.count));
    fillPanel('aktiviteter', 'aktiviteter-list', activities.map((a) => barItem(
      ACTIVITY_HEADING[a.type] || readable(a.type),
      fmt(a.count),
      a.count / mostDone,
      (a.areas || []).map((x) => x.area + ': ' + fmt(x.count)).join(' · '))));

    fillPanel('matning', 'matning-list', (picture.surveyIndicators || []).map((s) => barItem(
      (INDICATOR[s.indicator] || readable(s.indicator)) + ', ' + s.area,
      decimals.format(s.value),
      s.value / 6,
      'Mätning ' + s.year)));

    renderSafety(picture.perceivedSafety, limit);
    renderChain(picture.youSaidWeDid || [], limit);

    state.linked = new Map();
    for (const response of picture.youSaidWeDid || []) {
      for (const p of response.promises || []) state.linked.set(p.promiseId, p);
    }
    if (state.report) renderReport();
    $('lagesbild').hidden = ['oro', 'aktiviteter', 'matning', 'trygghet', 'ni-sa'].every((id) => $(id).hidden);
  }

  function renderSafety(safety, limit) {
    const trend = (safety && safety.trend) || {};
    if (!safety || (!safety.answers && !trend.previousAnswers)) {
      $('trygghet').hidden = true;
      return;
    }
    const nodes = [];
    if (safety.mean !== null && safety.mean !== undefined) {
      nodes.push(el('p', { class: 'big-number' }, el('strong', { text: decimals.format(safety.mean) }), ' av 5'));
      nodes.push(el('p', { class: 'note', text: 'Medelvärde av ' + fmt(safety.answers)
        + ' svar i medborgardialogerna, där 1 är mycket otryggt och 5 mycket tryggt.' }));
    } else {
      nodes.push(el('p', { class: 'note', text: 'För få svar (färre än ' + fmt(safety.fewerThan || limit)
        + ') för att visa ett medelvärde.' }));
    }
    const change = trend.change === null || trend.change === undefined ? ''
      : ' (' + (trend.change > 0 ? '+' : trend.change < 0 ? '−' : '±') + decimals.format(Math.abs(trend.change)) + ')';
    const text = {
      IMPROVING: '↑ Tryggare än året innan' + change,
      WORSENING: '↓ Otryggare än året innan' + change,
      UNCHANGED: '→ Oförändrat jämfört med året innan',
    }[trend.direction] || 'Inget att jämföra med från året innan.';
    nodes.push(el('p', { class: 'trend', 'data-direction': trend.direction || 'UNKNOWN', text }));
    $('trygghet-body').replaceChildren(...nodes);
    $('trygghet').hidden = false;
  }

  function renderChain(responses, limit) {
    fillPanel('ni-sa', 'ni-sa-list', responses.map((r) => {
      const promises = r.promises || [];
      const did = promises.length
        ? el('ul', { class: 'did' }, ...promises.map((p) => {
          const work = p.activitiesDone > 0
            ? (p.activities || []).map((t) => countOf(t.count, t.type)).join(', ')
            : 'inget rapporterat arbete ännu';
          const assessed = p.latestAssessment
            ? '. Bedömning: ' + (ASSESSMENT[p.latestAssessment] || readable(p.latestAssessment)).toLowerCase()
            : '';
          return el('li', {}, el('strong', { text: p.title }),
            ' (' + (PARTY[p.party] || readable(p.party || 'okänd')) + '): ' + work + assessed + '.');
        }))
        : el('p', { class: 'note', text: 'Inget av årets löften tar upp det här ännu.' });
      return el('li', {},
        el('p', { class: 'said' }, el('span', { class: 'label', text: 'Ni sa: ' }),
          el('strong', { text: CATEGORY[r.category] || readable(r.category) }), ' – ' + citizens(r, limit)),
        el('div', { class: 'we-did' }, el('span', { class: 'label', text: 'Vi gjorde: ' }), did));
    }));
  }

  // ---- live ----------------------------------------------------------------------------------------------------

  function setLive(name, text) {
    $('live').dataset.state = name;
    $('live-text').textContent = text;
  }

  /** Tells screen readers what changed; emptied first so that the same words are read again. */
  function announce(text) {
    const announcer = $('announcer');
    announcer.textContent = '';
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function flash(card) {
    card.classList.remove('flash');
    void card.offsetWidth; // restarts the animation
    card.classList.add('flash');
  }

  /** A commitment's figures for a period changed: the card changes where it stands. */
  function onProgress(change) {
    const report = state.report;
    if (!report || change.municipalityCode !== state.code) return;
    let found = null;
    for (const agreement of report.agreements || []) {
      for (const promise of agreement.promises || []) {
        for (const commitment of promise.commitments || []) {
          if (commitment.commitmentId === change.commitmentId) found = { promise, commitment };
        }
      }
    }
    const period = found && found.commitment.periods.find((p) => p.period === change.period);
    if (!period) {
      // A commitment or period this page has not seen: a new agreement for the year, perhaps.
      const p = parsePeriod(change.period || '');
      if (p && p.year === state.year) load();
      return;
    }
    if (period.updatedAt && change.updatedAt && change.updatedAt < period.updatedAt) return;
    Object.assign(period, {
      done: change.done,
      target: change.target,
      status: change.status,
      remaining: Math.max(0, change.target - change.done),
      vehiclesChecked: change.vehiclesChecked,
      violations: change.violations,
      updatedAt: change.updatedAt,
    });
    if (change.updatedAt && change.updatedAt > report.asOf) report.asOf = change.updatedAt;
    renderReport();
    const card = state.cards.get(found.promise.promiseId);
    if (card) flash(card);
    announce(found.promise.title + ': ' + fmt(change.done) + ' av ' + fmt(change.target) + ' '
      + inPeriod(change.period) + '.');
    scheduleSituation();
  }

  function connect() {
    if (!window.EventSource) {
      setLive('off', 'Uppdateras inte automatiskt');
      return;
    }
    const source = new EventSource('api/stream');
    // What changed before this connection was made, or while it was down, is fetched anew.
    source.addEventListener('hello', () => {
      setLive('live', 'Live');
      load();
    });
    source.addEventListener('progress', (event) => {
      let change;
      try {
        change = JSON.parse(event.data);
      } catch (unreadable) {
        load();
        return;
      }
      onProgress(change);
    });
    source.addEventListener('situation', (event) => {
      let code = null;
      try {
        code = JSON.parse(event.data).municipalityCode;
      } catch (unreadable) {
        // Whatever it says, the picture changed.
      }
      if (!code || code === state.code) scheduleSituation();
    });
    source.addEventListener('error', () => {
      setLive(source.readyState === EventSource.CLOSED ? 'off' : 'connecting', 'Frånkopplad – försöker igen');
    });
  }

  // ---- pickers and address -------------------------------------------------------------------------------------

  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    const code = params.get('kommun') || '';
    const year = parseInt(params.get('ar'), 10);
    state.code = /^\d{4}$/.test(code) ? code : DEFAULT_CODE;
    state.year = year >= 2010 && year <= 2100 ? year : DEFAULT_YEAR;
  }

  function fillPickers() {
    const options = MUNICIPALITIES.some((m) => m[0] === state.code)
      ? MUNICIPALITIES
      : [[state.code, 'Kommun ' + state.code], ...MUNICIPALITIES];
    $('kommun').replaceChildren(...options.map(([code, name]) => el('option', { value: code, text: name })));
    $('kommun').value = state.code;

    const years = [];
    for (let y = Math.max(new Date().getFullYear() + 1, state.year); y >= Math.min(FIRST_YEAR, state.year); y--) {
      years.push(el('option', { value: y, text: String(y) }));
    }
    $('ar').replaceChildren(...years);
    $('ar').value = String(state.year);
  }

  function show() {
    state.cards.clear();
    state.linked = new Map();
    $('lagesbild').hidden = true;
    load();
  }

  function start() {
    fromAddress();
    fillPickers();
    $('picker').addEventListener('submit', (event) => {
      event.preventDefault();
      state.code = $('kommun').value;
      state.year = parseInt($('ar').value, 10);
      history.pushState(null, '', '?kommun=' + encodeURIComponent(state.code) + '&ar=' + state.year);
      show();
    });
    window.addEventListener('popstate', () => {
      fromAddress();
      fillPickers();
      show();
    });
    $('promises').addEventListener('animationend', (event) => event.target.classList.remove('flash'));
    load();
    connect();
  }

  start();
})();
