-- wrk script for kb serve: a mix of searches (3 in 4) and suggests (1 in 4) over the demo's vocabulary.
-- Used by scripts/serve-load.sh; counts non-2xx answers so a run with errors says so. An argument after wrk's `--`
-- picks the mix: both (default), search (searches only) or suggest (suggests only).
local words = {"login", "portal", "certificado", "pantalla", "blanco", "correo", "rebota", "llamadas", "cortan",
  "webchat", "desconectado", "reportes", "horas", "usuario", "bloqueado", "contrasena", "caducada", "error",
  "500", "cola", "agentes", "grabaciones", "audio", "mensajeria", "whatsapp", "plantilla", "facturacion",
  "lento", "caida", "sitio", "inseguro", "acceso", "integracion", "api", "token"}
local suggests = {
  '{"title":"No carga el login del portal","description":"Pantalla en blanco para todos los agentes","customer":"Transportes Andinos"}',
  '{"title":"Las llamadas entrantes se cortan","description":"Desde las 9 se cortan a los 30 segundos"}',
  '{"title":"Correo rebota con error 550","description":"Los correos a clientes vuelven","service":"correo"}',
  '{"title":"Reporte de horas desfasado","description":"El reporte diario muestra una hora menos"}',
}
local counter = 0
local failures = 0
local mix = "both"

init = function(args)
  if args[1] then mix = args[1] end
end

request = function()
  counter = counter + 1
  if mix == "suggest" or (mix == "both" and counter % 4 == 0) then
    return wrk.format("POST", "/api/suggest", {["Content-Type"] = "application/json"}, suggests[math.floor(counter / 4) % #suggests + 1])
  end
  local n = math.random(1, 3)
  local q = {}
  for i = 1, n do q[i] = words[math.random(1, #words)] end
  return wrk.format("GET", "/api/search?q=" .. table.concat(q, "+") .. "&limit=10")
end

response = function(status, headers, body)
  if status >= 300 then
    failures = failures + 1
    if failures <= 5 then io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 200) .. "\n") end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) %d/%d/%d/%d, non-2xx %d\n", summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  for _, p in pairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%g %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
