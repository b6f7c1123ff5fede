/** Sends a text message. Production plugs in the SMS gateway; demo mode writes to the dev outbox. */
export interface SmsSender {
  send(to: string, text: string, at: Date): Promise<void>;
}
