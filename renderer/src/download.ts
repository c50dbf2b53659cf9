/** Hands a file the host made (`{ fileName, text }`) to the browser's or Electron's download. */
export function saveFile(file: { fileName: string; text: string }, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([file.text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  URL.revokeObjectURL(url)
}
