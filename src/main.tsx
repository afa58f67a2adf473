// Placeholder entry; the UI helper replaces this.
document.getElementById('root')!.textContent = 'Gradscape';
