// Runs first in `npm start` and `npm run web`, before any build tool, which would fail on an old Node
// with an error that names no version. Written in ES5 and CommonJS so that every Node parses it.
'use strict';

var path = require('path');
var fs = require('fs');

/** The message for a Node older than package.json's "engines" range (">=X.Y.Z"), or null when it is new enough. */
function nodeVersionProblem(range, version) {
  var wanted = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!wanted) throw new Error('package.json "engines.node" must read ">=X.Y.Z", not "' + range + '"');
  var found = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!found) throw new Error('cannot read the Node.js version "' + version + '"');
  for (var i = 1; i <= 3; i++) {
    var have = Number(found[i]);
    var need = Number(wanted[i]);
    if (have !== need) return have > need ? null : tooOld(wanted[1] + '.' + wanted[2] + '.' + wanted[3], version);
  }
  return null;
}

function tooOld(required, version) {
  return 'Paperdrop needs Node.js ' + required + ' or newer, but this is Node.js ' + version.replace(/^v/, '') + '. ' +
    'Install Node.js ' + required + ' or newer (https://nodejs.org), then run the command again.';
}

module.exports = { nodeVersionProblem: nodeVersionProblem };

if (require.main === module) {
  var manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  var problem = nodeVersionProblem(manifest.engines.node, process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
