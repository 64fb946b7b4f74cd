/// The expected Markdown review of `ReviewRenderingTests.goldenReview` (Spanish, internal audience).
///
/// Checked by hand against the fixture: 12x5 business time, the overnight vendor wait, the planted internal note.
enum ReviewGolden {
    static let markdown = #"""
# Revisión post-incidente T-2001: Caída del portal: no carga el login

_Documento interno. Generado por kb el 2026-11-01 09:00 UTC-03:00._

## Resumen

- **Qué pasó:** Banco Austral reportó «Caída del portal: no carga el login» por teléfono el 2026-03-03 19:40 UTC-03:00. El incidente de severidad 1 (Crítica) afectó al servicio Portal durante 3 h 05 min. Se mitigó el 2026-03-03 22:45 UTC-03:00, se resolvió el 2026-03-04 11:00 UTC-03:00 y se cerró el 2026-03-04 11:30 UTC-03:00.
- **Impacto:** Servicio Portal afectado durante 3 h 05 min (2026-03-03 19:40 UTC-03:00 → 22:45); 2 clientes, 2 tickets (T-2001, T-2002).
- **Causa raíz:** Certificado TLS del balanceador vencido sin alerta previa.
- **Resolución:** Mitigación y luego resolución. Primero se mitigó (2026-03-03 22:45 UTC-03:00) y luego se resolvió (2026-03-04 11:00 UTC-03:00).
- **Metas del SLA:** Tiempo a primera respuesta: meta cumplida; Tiempo a resolución: meta cumplida.
- **Recurrencia:** 2 veces en los 90 días previos (T-1901, T-1900).
- **Qué haremos:**
  - Agregar monitoreo de Portal (sin responsable)
  - Escribir un artículo a partir de T-2001 (responsable: ana)
  - Seguimiento con el proveedor Certificadora (responsable: ana)
  - y 2 más en Acciones

| Campo | Valor |
|---|---|
| Ticket | T-2001 |
| Cliente | Banco Austral |
| Plan | 12x5 (calendario 12x5, America/Santiago) |
| Severidad | 1 (Crítica) |
| Cambios de severidad | ninguno |
| Servicio | Portal |
| Responsable | ana · N2 |
| Canal | teléfono |
| Estado | cerrado |
| Creado | 2026-03-03 19:40 UTC-03:00 (2026-03-03 22:40 UTC) |
| Resuelto | 2026-03-04 11:00 UTC-03:00 (2026-03-04 14:00 UTC) |
| Cerrado | 2026-03-04 11:30 UTC-03:00 (2026-03-04 14:30 UTC) |

**Descripción del reporte:**

Desde las 19:30 ningún usuario puede entrar al portal.\
El login queda en blanco.

## Advertencias

Sin advertencias: la línea de tiempo está ordenada y completa.

## Impacto

| Medida | Valor |
|---|---|
| Ventana | 2026-03-03 19:40 UTC-03:00 → 2026-03-03 22:45 UTC-03:00 |
| Duración | 3 h 05 min |
| Clientes afectados | Banco Austral, Mutual Andina (2) |
| Servicios afectados | Portal |
| Canales de reporte | correo, teléfono |
| Minutos de impacto (duración × clientes) | 370 |

Otros reportes del mismo incidente (mismo servicio, misma ventana):

- T-2002: Mutual Andina por correo, 2026-03-03 20:05 UTC-03:00

## Métricas

Tiempo SLA: horas hábiles del calendario 12x5 del plan 12x5 en America/Santiago (feriados de CL excluidos), sin las pausas por espera del cliente. Las metas son las de la política para la severidad del ticket. Un día hábil son 12 h 00 min.

| Métrica | Tiempo real | Tiempo SLA | Meta | Resultado | Origen |
|---|---|---|---|---|---|
| Tiempo a primera respuesta | 12 min | 12 min | 15 min | cumplido, con 3 min de margen | #2, hora de creación |
| Tiempo a escalamiento (N2) | 30 min | 20 min | — | — | #4, hora de creación |
| Tiempo a escalamiento (proveedor Certificadora) | 50 min | 20 min | — | — | #5, hora de creación |
| Tiempo a mitigación | 3 h 05 min | 20 min | — | — | #9, hora de creación |
| Tiempo a resolución | 15 h 20 min | 1 h 49 min | 4 h 00 min | cumplido, con 2 h 11 min de margen | #15, hora de creación, hora de resolución |
| Espera del cliente | 1 h 31 min | 1 h 31 min | — | — | #12, #14 |
| Espera del proveedor | 1 h 44 min | 0 s | — | — | #6, #7 |
| Ventana de impacto | 3 h 05 min | — | — | — | #9, hora de creación |

Definiciones:

- **Tiempo a primera respuesta:** Desde la creación del ticket hasta el primer comentario público de soporte. Plazo: 2026-03-03 19:55 UTC-03:00.
- **Tiempo a escalamiento (N2):** Desde la creación del ticket hasta el primer escalamiento a N2.
- **Tiempo a escalamiento (proveedor Certificadora):** Desde la creación del ticket hasta el primer escalamiento a proveedor Certificadora.
- **Tiempo a mitigación:** Desde la creación del ticket hasta el evento de mitigación (servicio restablecido, aunque sea de forma provisoria).
- **Tiempo a resolución:** Desde la creación del ticket hasta la hora de resolución registrada en el ticket o, si falta, el primer evento de resolución. Plazo: 2026-03-04 13:11 UTC-03:00.
- **Espera del cliente:** Suma de los intervalos en estado «esperando al cliente»; pausan los plazos del SLA.
- **Espera del proveedor:** Suma de los intervalos en estado «esperando al proveedor»; los plazos del SLA siguen corriendo.
- **Ventana de impacto:** Desde la detección (o la creación, si es anterior) hasta la mitigación o, si no la hubo, la resolución.

### Esperas

| Espera del cliente | Hasta | Duración | Tiempo hábil | Eventos |
|---|---|---|---|---|
| 2026-03-04 09:00 UTC-03:00 | 2026-03-04 10:31 UTC-03:00 | 1 h 31 min | 1 h 31 min | #12, #14 |
| **Total** | | **1 h 31 min** | **1 h 31 min** | |

| Espera de proveedor | Desde | Hasta | Duración | Tiempo hábil | Eventos |
|---|---|---|---|---|---|
| proveedor Certificadora | 2026-03-03 20:31 UTC-03:00 | 2026-03-03 22:15 UTC-03:00 | 1 h 44 min | 0 s | #6, #7 |
| **Total** | | | **1 h 44 min** | **0 s** | |

## Línea de tiempo

Horas locales en America/Santiago. «#» es la posición del evento en el archivo del ticket; ⚠ marca eventos con advertencias.

| # | Hora local | UTC | Actor | Tipo | Descripción | Adjuntos |
|---|---|---|---|---|---|---|
| 1 | 2026-03-03 19:40 | 2026-03-03 22:40 | mesa | Creación | Ticket creado por llamada del cliente |  |
| 2 | 2026-03-03 19:52 | 2026-03-03 22:52 | ana | Comentario | Estamos revisando el acceso al portal. |  |
| 3 | 2026-03-03 19:55 | 2026-03-03 22:55 | monitoreo | Detección (interno) | Alerta: certificado TLS vencido en el balanceador |  |
| 4 | 2026-03-03 20:10 | 2026-03-03 23:10 | ana | Escalamiento → N2 | Servicio crítico caído; se escala a N2 |  |
| 5 | 2026-03-03 20:30 | 2026-03-03 23:30 | pedro | Escalamiento → proveedor Certificadora | Se requiere renovar el certificado con la certificadora |  |
| 6 | 2026-03-03 20:31 | 2026-03-03 23:31 | pedro | Cambio de estado → esperando al proveedor | Esperando emisión del certificado |  |
| 7 | 2026-03-03 22:15 | 2026-03-04 01:15 | pedro | Cambio de estado → en curso | La certificadora emitió el certificado |  |
| 8 | 2026-03-03 22:40 | 2026-03-04 01:40 | pedro | Acción (interno) | Instalado el certificado nuevo en el balanceador | nginx.log |
| 9 | 2026-03-03 22:45 | 2026-03-04 01:45 | pedro | Mitigación | Portal accesible nuevamente |  |
| 10 | 2026-03-03 23:00 | 2026-03-04 02:00 | pedro | Comentario | El servicio está restablecido. Confirmaremos mañana con el cliente. | captura-login.png |
| 11 | 2026-03-04 08:30 | 2026-03-04 11:30 | ana | Comentario (interno) | NOTA-INTERNA-7731: el cliente pidió compensación; lo mismo le pasó a Mutual Andina, no mencionar. |  |
| 12 | 2026-03-04 09:00 | 2026-03-04 12:00 | ana | Cambio de estado → esperando al cliente | Solicitamos confirmación al cliente |  |
| 13 | 2026-03-04 10:30 | 2026-03-04 13:30 | Carla | Mensaje del cliente | Confirmamos que funciona. Gracias, ana. |  |
| 14 | 2026-03-04 10:31 | 2026-03-04 13:31 | ana | Cambio de estado → en curso |  |  |
| 15 | 2026-03-04 11:00 | 2026-03-04 14:00 | ana | Resolución | Certificado renovado |  |
| 16 | 2026-03-04 11:30 | 2026-03-04 14:30 | ana | Cierre | Cierre confirmado |  |

## Detección

**Cliente.** Reportado por el cliente por teléfono el 2026-03-03 19:40 UTC-03:00; el monitoreo lo detectó 15 min después. El servicio Portal es crítico y debería estar monitoreado: hay una brecha de detección.

## Respuesta y escalamiento

Niveles: N1 → N2. Proveedores: proveedor Certificadora.

| Hora local | Hacia | Desde la creación | Quién | Motivo | Espera del proveedor |
|---|---|---|---|---|---|
| 2026-03-03 20:10 | N2 | 30 min | ana | Servicio crítico caído; se escala a N2 | — |
| 2026-03-03 20:30 | proveedor Certificadora | 50 min | pedro | Se requiere renovar el certificado con la certificadora | 1 h 44 min |

Reglas de escalamiento del manual que aplicaron:

- **El incidente afecta servicios críticos** (se cumplió): El servicio crítico Portal fue afectado con severidad 1: el manual pide escalar a N2 de inmediato. Se escaló a N2 el 2026-03-03 20:10 UTC-03:00, 30 min después de la creación.
- **Se requiere un proveedor externo** (se cumplió): Se requiere la intervención del proveedor Certificadora: el ticket menciona «certificado TLS». Se escaló a proveedor Certificadora el 2026-03-03 20:30 UTC-03:00, 50 min después de la creación.

## Causa raíz

Certificado TLS del balanceador vencido sin alerta previa.

## Resolución

**Mitigación y luego resolución.** Primero se mitigó (2026-03-03 22:45 UTC-03:00) y luego se resolvió (2026-03-04 11:00 UTC-03:00).

Se instaló un certificado TLS nuevo en el balanceador.

## Incidentes relacionados

Tickets cerrados anteriores con texto parecido (términos buscados: certific, tls, balanc, blanc).

| Ticket | Título | Servicio | Creado | Similitud | Causa raíz | Resolución |
|---|---|---|---|---|---|---|
| T-1901 | No carga el login del portal por certificado | Portal (mismo) | 2026-02-15 10:00 (16 días antes) | 83 % | Certificado TLS del balanceador vencido | Se reemplazó el certificado |
| T-1900 | Portal sin acceso: login en blanco | Portal (mismo) | 2026-01-20 10:00 (42 días antes) | 79 % | Certificado TLS vencido en el balanceador | Renovación del certificado TLS |

**Recurrencia:** el mismo problema ocurrió 2 veces en los 90 días previos:

- T-1901 (+ T-1899), 2026-02-15 10:00 (16 días antes), misma causa raíz: Se reemplazó el certificado
- T-1900, 2026-01-20 10:00 (42 días antes), misma causa raíz: Renovación del certificado TLS

## Lecciones

_Para completar por el líder en la reunión de revisión._

### Qué salió bien

- _(por completar)_

### Qué salió mal

- _(por completar)_

### Dónde tuvimos suerte

- _(por completar)_

## Acciones

Propuestas a partir de los datos del incidente: confirme cada una y asígnele responsable y fecha.

| Acción | Motivo | Responsable |
|---|---|---|
| Agregar monitoreo de Portal | El cliente detectó la falla antes que el monitoreo en un servicio crítico. | sin responsable |
| Escribir un artículo a partir de T-2001 | Ningún artículo está vinculado ni cubre este problema (kb article draft T-2001). | ana |
| Seguimiento con el proveedor Certificadora | La espera del proveedor sumó 1 h 44 min, el 43 % de la meta de resolución (4 h 00 min). | ana |
| Reforzar la regla de escalamiento: el incidente afecta servicios críticos | Se escaló a N2 el 2026-03-03 20:10 UTC-03:00, 30 min después de la creación. El manual pide escalar de inmediato: la demora superó la meta de primera respuesta (15 min). | sin responsable |
| Abrir un análisis de problema (incidente recurrente) | El mismo problema ocurrió 2 veces en los 90 días previos: T-1901, T-1900. | sin responsable |

## Propuestas de automatización

| Tipo | Propuesta | Evidencia | Horas ahorradas al mes |
|---|---|---|---|
| Brecha de detección | Alerta de vencimiento de certificados TLS | T-1900, T-1901, T-2001 | 2.5 |

## Capacitación al cliente

No se sugiere capacitación: la causa raíz no indica un uso incorrecto por parte del cliente.

## Anexo: evidencias

| Archivo | Tipo | Evento | Hora local |
|---|---|---|---|
| nginx.log | log | #8 Acción (interno) | 2026-03-03 22:40 |
| captura-login.png | captura de pantalla | #10 Comentario | 2026-03-03 23:00 |

"""#
}
