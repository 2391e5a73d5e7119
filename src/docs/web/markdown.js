'use strict';
// Renders the Markdown subset `flick docs` writes: ATX headings, paragraphs, "- " lists, pipe
// tables, fenced code blocks, inline code, **bold**, [links](target) and backslash escapes.
// Mermaid blocks become <pre class="mermaid-source"> for app.js to draw.
(function () {
  const ESCAPABLE = /[!-\/:-@\[-`{-~]/;

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
  }

  // Index just past the backtick run starting at `start` that closes a code span opened with
  // `length` backticks, or -1.
  function closingFence(text, from, length) {
    let at = from;
    while (at < text.length) {
      const next = text.indexOf('`', at);
      if (next < 0) return -1;
      let run = 0;
      while (text[next + run] === '`') run++;
      if (run === length) return next;
      at = next + run;
    }
    return -1;
  }

  // A [label](target) starting at `start`: {label, target, end} or null.
  function linkAt(text, start) {
    let depth = 0;
    let i = start;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
      } else if (c === '`') {
        let run = 0;
        while (text[i + run] === '`') run++;
        const close = closingFence(text, i + run, run);
        if (close < 0) return null;
        i = close + run - 1;
      } else if (c === '[') {
        depth++;
      } else if (c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (i >= text.length || text[i + 1] !== '(') return null;
    const close = text.indexOf(')', i + 2);
    if (close < 0) return null;
    return {label: text.slice(start + 1, i), target: text.slice(i + 2, close), end: close + 1};
  }

  function inline(text) {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
        out += escapeHtml(text[i + 1]);
        i += 2;
        continue;
      }
      if (c === '`') {
        let run = 0;
        while (text[i + run] === '`') run++;
        const close = closingFence(text, i + run, run);
        if (close >= 0) {
          let body = text.slice(i + run, close);
          if (body.length >= 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim()) {
            body = body.slice(1, -1);
          }
          out += '<code>' + escapeHtml(body) + '</code>';
          i = close + run;
          continue;
        }
        out += escapeHtml('`'.repeat(run));
        i += run;
        continue;
      }
      if (c === '*' && text[i + 1] === '*') {
        const close = text.indexOf('**', i + 2);
        if (close > i + 2) {
          out += '<strong>' + inline(text.slice(i + 2, close)) + '</strong>';
          i = close + 2;
          continue;
        }
      }
      if (c === '[') {
        const found = linkAt(text, i);
        if (found) {
          out += '<a href="' + escapeHtml(found.target) + '">' + inline(found.label) + '</a>';
          i = found.end;
          continue;
        }
      }
      out += escapeHtml(c);
      i++;
    }
    return out;
  }

  // The cells of a table row: split on '|' not escaped by a backslash; "\|" becomes "|".
  function cells(line) {
    let row = line.trim();
    if (row.startsWith('|')) row = row.slice(1);
    if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
    const out = [];
    let cell = '';
    for (let i = 0; i < row.length; i++) {
      if (row[i] === '\\' && row[i + 1] === '|') {
        cell += '|';
        i++;
      } else if (row[i] === '|') {
        out.push(cell.trim());
        cell = '';
      } else {
        cell += row[i];
      }
    }
    out.push(cell.trim());
    return out;
  }

  function slug(text) {
    return text.toLowerCase().replace(/<[^>]*>/g, '').replace(/[^a-z0-9_\- ]/g, '')
        .trim().replace(/ +/g, '-');
  }

  const FENCE = /^(`{3,})(.*)$/;
  const HEADING = /^(#{1,6}) +(.*)$/;
  const TABLE_RULE = /^\|( *:?-+:? *\|)+ *$/;

  function startsBlock(lines, i) {
    const line = lines[i];
    return FENCE.test(line) || HEADING.test(line) || line.startsWith('- ') ||
        (line.startsWith('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]));
  }

  function renderMarkdown(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    let html = '';
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      let match;
      if ((match = FENCE.exec(line))) {
        const fence = match[1];
        const language = match[2].trim();
        const body = [];
        for (i++; i < lines.length; i++) {
          if (lines[i].startsWith(fence) && lines[i].slice(fence.length).trim() === '') break;
          body.push(lines[i]);
        }
        i++;
        const code = escapeHtml(body.join('\n'));
        html += language === 'mermaid' ?
            '<pre class="mermaid-source">' + code + '</pre>\n' :
            '<pre><code class="language-' + escapeHtml(language) + '">' + code + '</code></pre>\n';
      } else if ((match = HEADING.exec(line))) {
        const level = match[1].length;
        const content = inline(match[2]);
        html += `<h${level} id="${slug(content)}">${content}</h${level}>\n`;
        i++;
      } else if (line.startsWith('- ')) {
        html += '<ul>\n';
        for (; i < lines.length && lines[i].startsWith('- '); i++) {
          html += '<li>' + inline(lines[i].slice(2)) + '</li>\n';
        }
        html += '</ul>\n';
      } else if (line.startsWith('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
        html += '<table>\n<thead><tr>' +
            cells(line).map((cell) => '<th>' + inline(cell) + '</th>').join('') +
            '</tr></thead>\n<tbody>\n';
        for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) {
          html += '<tr>' + cells(lines[i]).map((cell) => '<td>' + inline(cell) + '</td>').join('') +
              '</tr>\n';
        }
        html += '</tbody>\n</table>\n';
      } else if (line.trim() === '') {
        i++;
      } else {
        const paragraph = [];
        for (; i < lines.length && lines[i].trim() !== '' && !startsBlock(lines, i); i++) {
          paragraph.push(lines[i]);
        }
        html += '<p>' + inline(paragraph.join(' ')) + '</p>\n';
      }
    }
    return html;
  }

  window.flickMarkdown = {renderMarkdown, escapeHtml};
})();
