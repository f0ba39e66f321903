/** Served at `/` until the web application is built. */
export function homePage(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>NTM Monitor</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5;color:#1f2937}</style></head>
<body>
<h1>NTM Monitor</h1>
<p>Hệ thống theo dõi Chương trình MTQG xây dựng nông thôn mới.</p>
<p>Tài liệu API (OpenAPI): <a href="/api/docs">/api/docs</a></p>
<p><em>Dữ liệu “Tỉnh Demo” là dữ liệu minh họa (demo), không phải số liệu thật.</em></p>
</body></html>`;
}
