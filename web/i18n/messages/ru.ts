/** Russian messages (same keys as en.ts). */
import type { Messages } from './en';

export const ru: Messages = {
  // ---- app shell ----
  'app.name': 'Clientela',
  'app.loading': 'Открываем базу клиентов…',
  'app.openFailed': 'Не удалось открыть базу: {message}',
  'app.undo': 'Отменить',
  'app.redo': 'Повторить',
  'app.settings': 'Настройки',
  'app.sections': 'Разделы',
  'app.offline': 'Нет сети: всё, что вы делаете, сохраняется на этом устройстве.',
  'app.updateReady': 'Готова новая версия.',
  'app.reload': 'Перезагрузить',
  'app.persistDenied': 'Браузер не обещал сохранить базу: он может удалить её, когда кончится место на диске. Установите приложение или разрешите постоянное хранение, чтобы защитить её.',
  'app.quotaFull': 'Место, которое браузер выделил приложению, заполнено: последнее изменение ещё не сохранено. Освободите место или экспортируйте резервную копию; ничего из уже сохранённого не потеряно.',
  'app.writeFailed': 'Не удалось сохранить: {message}. Изменение хранится в памяти и будет сохранено повторно.',
  'app.dismiss': 'Закрыть',

  // ---- sections and fields (built-in labels) ----
  'section.orgs': 'Организации',
  'section.people': 'Контакты',
  'section.notes': 'Заметки',
  'section.links': 'Ссылки',

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
