/** What a widget says when its user may not read or write what it is for; overridable as `messages.access`. */
export const accessMessages = {
  /** After "Vitals could not be loaded." and the like, when the user may not see them. */
  readForbidden: 'Your account does not have access to these records.',
  /** After "The vitals were not recorded." and the like, when the user may not make the change. */
  writeForbidden: 'Your account is not allowed to make this change.',
  /** A section the user may not read, shown in place of its records. */
  sectionForbidden: 'Not available to your account.',
};

export type AccessMessages = typeof accessMessages;

declare module '../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    access: AccessMessages;
  }
}
