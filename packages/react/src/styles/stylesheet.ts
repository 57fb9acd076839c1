// Build-only entry: Vite's library mode emits what this imports as dist/styles.css.
import './index.css';
