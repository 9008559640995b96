// Builds DOM nodes. Text always goes in through textContent (never innerHTML),
// so data from the server can never become markup.

// h('p', {class: 'x', onclick: f}, 'text', child, [more]) -> element.
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces everything inside `node` with `children`.
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// A definition list of the label/value pairs whose value is present: fields
// the server left out (the secrecy rules) are simply not shown.
export function facts(pairs) {
  const list = h('dl', {class: 'facts'});
  for (const [label, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    list.append(h('dt', {}, label), h('dd', {}, value));
  }
  return list;
}

// A screen takes the view before it asks the server; when the answer comes,
// it draws only if no other screen has taken the view meanwhile (the user
// moved on), so a slow answer never overwrites the screen shown now.
export function takeView(view) {
  const mark = Symbol('screen');
  view.screenMark = mark;
  return () => view.screenMark === mark;
}
