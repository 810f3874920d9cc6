import { Section } from '@/components/shared/section';

/** What Tierlens keeps and where: plain statements, no controls. */
export function DataPrivacy() {
  return (
    <>
      <Section title="Data">
        <p>
          Accounts, contacts and touchpoints are kept in this browser's extension database (IndexedDB); these settings
          in the extension's local storage. Both stay on this device until you remove the extension.
        </p>
      </Section>
      <Section title="Privacy">
        <p>
          No browsing data leaves the device. Tierlens reads the address and a few markers of the LinkedIn page you are
          on to recognise the company, and looks it up in the local copy; nothing about the pages you visit is sent
          anywhere.
        </p>
      </Section>
    </>
  );
}
