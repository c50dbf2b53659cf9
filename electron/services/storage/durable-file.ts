import fs from 'node:fs'

/** Writes a file's data to the disk, before a rename or a link makes it the one that counts. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename or a link durable. Windows cannot open a folder for fsync; NTFS journals the rename. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
