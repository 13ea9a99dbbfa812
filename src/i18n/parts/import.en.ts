/** English messages of scenario import in the library (merged into messages.en.ts). */
export const importEn = {
  'import.choose': 'Import scenario',
  'import.hint': 'A YAML or JSON scenario file, up to 512 KB. You can also drop it on the library.',
  'import.drop': 'Drop a .yaml, .yml or .json scenario to import it',
  'import.reading': 'Checking {file}…',
  'import.problems.title': '{file} was not imported',
  'import.problems.count.one': '1 problem, as the check command reports it:',
  'import.problems.count.other': '{count} problems, as the check command reports them:',
  'import.problems.file': '(file)',
  'import.problems.more': '… and {count} more',
  'import.dismiss': 'Dismiss',
  'import.imported': 'Imported “{title}” from {file}. It is in the library, marked Imported.',
  'import.replaced': 'Replaced “{title}” with {file}.',
  'import.replace.text':
    'You imported a scenario with the id “{id}” before ({file}, {when}). Replace it with {newFile}?',
  'import.replace.confirm': 'Replace',
  'import.replace.cancel': 'Keep the earlier one',
  'import.replace.cancelled': '{file} was not imported: the earlier scenario stays.',
  'import.badge': 'Imported',
  'import.actions': 'Imported scenario {title}',
  'import.export': 'Export',
  'import.exportFailed': 'This scenario could not be exported: it is no longer saved.',
  'import.remove': 'Remove',
  'import.remove.ask': 'Remove it from the library? Its attempts stay in your history.',
  'import.remove.confirm': 'Remove',
  'import.remove.cancel': 'Keep',
  'import.removed': 'Removed “{title}” from the library.',
  'import.refused.fileType': 'a scenario file must end in .yaml, .yml or .json',
  'import.refused.tooLarge': 'the file is larger than {size} KB',
  'import.refused.bundledId':
    'the game already has a scenario with the id "{id}": give yours another id',
  'import.refused.unreadable': 'the file could not be read',
  'import.refused.failed': 'the file could not be checked: {detail}',
  'import.didYouMean': '(did you mean "{suggestion}"?)',
  'import.notSaved.full':
    'the browser’s storage for this game is full: remove an imported scenario and try again',
  'import.notSaved.unavailable':
    'this browser does not let the game save data (a private window or a setting)',
  'import.notSaved.refused': 'the browser refused to save it',
  'import.setAside':
    'Your imported scenario {file} no longer passes the checks ({detail}). It was set aside as {key}.',
} as const;
