// Reads a Netscape bookmark file with node-bookmarks-parser (folders, links, titles, dates) and,
// for what that parser leaves out, cheerio (TAGS= and the <DD> note of each link). Prints JSON:
// [{ "path": ["Folder", "Sub"], "url", "title", "addDate", "tags", "note" }] in file order.
'use strict';
const fs = require('fs');
const parse = require('node-bookmarks-parser');
const cheerio = require('cheerio');

const html = fs.readFileSync(process.argv[2], 'utf8');
const bookmarks = parse(html); // throws when it cannot read the file as a Netscape bookmark file

const links = [];
const walk = (items, path) => {
  for (const item of items) {
    if (item.type === 'folder' || item.nsRoot === 'menu') {
      // The parser puts top-level links in a synthetic "Menu" folder (nsRoot "menu").
      walk(item.children || [], item.nsRoot === 'menu' ? path : [...path, item.title]);
    } else {
      links.push({ path, url: item.url, title: item.title, addDate: Number(item.addDate) });
    }
  }
};
walk(bookmarks, []);

const $ = cheerio.load(html);
const extra = new Map();
$('a').each((_, a) => {
  const dd = $(a).parent().next('dd');
  extra.set($(a).attr('href'), {
    tags: ($(a).attr('tags') || '').split(',').filter((t) => t.length > 0),
    note: dd.length ? dd.contents().filter((_, n) => n.type === 'text').text().trim() : '',
  });
});
for (const link of links) {
  Object.assign(link, extra.get(link.url) || { tags: [], note: '' });
}
process.stdout.write(JSON.stringify(links));
