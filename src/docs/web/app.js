'use strict';
// The flick docs viewer: a page list, a search box over page titles and the names on each page
// (columns, indexes, constraints, enum values, triggers, functions, migrations), and the selected
// page rendered from Markdown with its mermaid diagrams drawn. Pages are addressed as
// "#/<path>"; "?q=<text>" fills the search box on load and "?page=<path>" opens a page.
(function () {
  const {renderMarkdown, escapeHtml} = window.flickMarkdown;
  const content = document.getElementById('content');
  const search = document.getElementById('search');
  const results = document.getElementById('search-results');
  const pageList = document.getElementById('page-list');
  let pages = [];
  let diagramCount = 0;

  mermaid.initialize({startOnLoad: false, securityLevel: 'strict', maxTextSize: 2000000});

  // The output-relative path `link` points at from the page at `from`.
  function resolve(from, link) {
    const parts = from.split('/');
    parts.pop();
    for (const segment of link.split('/')) {
      if (segment === '..') {
        parts.pop();
      } else if (segment !== '.' && segment !== '') {
        parts.push(segment);
      }
    }
    return parts.join('/');
  }

  function pageLink(page, label) {
    return '<a href="#/' + escapeHtml(page.path) + '">' + escapeHtml(label || page.title) + '</a>';
  }

  function group(page) {
    if (page.path.startsWith('tables/')) return 'Tables';
    if (page.path.startsWith('enums/')) return 'Enums';
    if (page.path.startsWith('types/')) return 'Types';
    if (page.path.startsWith('functions/')) return 'Functions';
    return 'Overview';
  }

  function showPageList() {
    let html = '';
    for (const name of ['Overview', 'Tables', 'Enums', 'Types', 'Functions']) {
      const members = pages.filter((page) => group(page) === name);
      if (members.length === 0) continue;
      html += '<h2>' + name + '</h2><ul>' +
          members.map((page) => '<li data-path="' + escapeHtml(page.path) + '">' +
                      pageLink(page) + '</li>').join('') + '</ul>';
    }
    pageList.innerHTML = html;
  }

  function markCurrent(path) {
    for (const item of pageList.querySelectorAll('li')) {
      item.classList.toggle('current', item.dataset.path === path);
    }
  }

  function runSearch() {
    const query = search.value.trim().toLowerCase();
    if (!query) {
      results.hidden = true;
      results.innerHTML = '';
      return;
    }
    const rows = [];
    for (const page of pages) {
      if (page.title.toLowerCase().includes(query)) {
        rows.push('<li class="hit-page">' + pageLink(page) + '</li>');
      }
      for (const term of page.terms) {
        if (term.name.toLowerCase().includes(query)) {
          rows.push('<li class="hit-term">' + pageLink(page) + ' <span class="kind">' +
                    escapeHtml(term.kind) + '</span> <code>' + escapeHtml(term.name) +
                    '</code></li>');
        }
      }
    }
    results.innerHTML = rows.length ? rows.slice(0, 200).join('') :
                                      '<li class="none">Nothing found.</li>';
    results.hidden = false;
  }

  async function drawDiagrams() {
    for (const block of content.querySelectorAll('pre.mermaid-source')) {
      const holder = document.createElement('div');
      holder.className = 'diagram';
      try {
        const {svg} = await mermaid.render('diagram-' + ++diagramCount, block.textContent);
        holder.innerHTML = svg;
      } catch (error) {
        holder.className = 'diagram failed';
        holder.textContent = 'mermaid could not draw this diagram: ' + error.message;
      }
      block.replaceWith(holder);
    }
  }

  async function showPage(path) {
    content.dataset.state = 'loading';
    const response = await fetch('/pages/' + path);
    if (!response.ok) {
      content.innerHTML = '<p class="failed">No page ' + escapeHtml(path) + '.</p>';
      content.dataset.state = 'missing';
      return;
    }
    content.innerHTML = renderMarkdown(await response.text());
    for (const anchor of content.querySelectorAll('a[href]')) {
      const href = anchor.getAttribute('href');
      if (!/^[a-z]+:/i.test(href) && !href.startsWith('#') && href.endsWith('.md')) {
        anchor.setAttribute('href', '#/' + resolve(path, href));
      }
    }
    markCurrent(path);
    window.scrollTo(0, 0);
    await drawDiagrams();
    content.dataset.page = path;
    content.dataset.state = 'ready';
  }

  function currentPath() {
    if (location.hash.startsWith('#/')) return decodeURIComponent(location.hash.slice(2));
    return new URLSearchParams(location.search).get('page') || 'index.md';
  }

  async function start() {
    const response = await fetch('/pages.json');
    pages = await response.json();
    showPageList();
    search.addEventListener('input', runSearch);
    window.addEventListener('hashchange', () => showPage(currentPath()));
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      search.value = query;
      runSearch();
    }
    await showPage(currentPath());
  }

  start().catch((error) => {
    content.innerHTML = '<p class="failed">The viewer failed: ' + escapeHtml(String(error)) +
        '</p>';
    content.dataset.state = 'failed';
  });
})();
