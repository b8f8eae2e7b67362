// Imported before anything else is loaded (the rest is imported dynamically after it), so an old Node
// gets this line instead of a syntax error. Written in the syntax old versions still parse.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Kapwa needs Node.js 20.19 or newer; this is ${process.version}. Install a current Node.js LTS and try again.`);
  process.exit(1);
}
