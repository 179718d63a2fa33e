/** Spanish messages (same keys as en.ts). */
import type { Messages } from './en';

export const es: Messages = {
  // ---- app shell ----
  'app.name': 'Clientela',
  'app.loading': 'Abriendo su base de clientes…',
  'app.openFailed': 'No se pudo abrir la base: {message}',
  'app.undo': 'Deshacer',
  'app.redo': 'Rehacer',
  'app.settings': 'Configuración',
  'app.sections': 'Secciones',
  'app.offline': 'Sin conexión: todo lo que haga se guarda en este equipo.',
  'app.updateReady': 'Hay una nueva versión lista.',
  'app.reload': 'Recargar',
  'app.persistDenied': 'Este navegador no ha prometido conservar la base: podría borrarla si falta espacio en disco. Instale la aplicación o permita el almacenamiento persistente para protegerla.',
  'app.quotaFull': 'El espacio que el navegador da a esta aplicación está lleno: su último cambio aún no se ha guardado. Libere espacio o exporte una copia de seguridad; no se pierde nada de lo ya guardado.',
  'app.writeFailed': 'Error al guardar: {message}. Su cambio se conserva en memoria y se reintenta.',
  'app.dismiss': 'Cerrar',

  // ---- sections and fields (built-in labels) ----
  'section.orgs': 'Organizaciones',
  'section.people': 'Contactos',
  'section.notes': 'Notas',
  'section.links': 'Enlaces',

  // ---- search ----
  // @search-keys-end

  // ---- table ----
  // @table-keys-end

  // ---- card ----
  // @card-keys-end

  // ---- settings ----
  // @settings-keys-end

  // ---- backup ----
  // @backup-keys-end
};
