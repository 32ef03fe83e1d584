/** Which manager screen the menu shows. */
import type { ManagerView } from '../components/ManagerNav';
import { AuditScreen } from './audit/AuditScreen';
import { EndOfDayScreen } from './end-of-day/EndOfDayScreen';
import { InDoubtScreen } from './in-doubt/InDoubtScreen';
import { SalesScreen } from './sales/SalesScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { StaffScreen } from './staff/StaffScreen';

export function ManagerScreen(props: { view: Exclude<ManagerView, 'customers'> }) {
  switch (props.view) {
    case 'settings':
      return <SettingsScreen />;
    case 'inDoubt':
      return <InDoubtScreen />;
    case 'endOfDay':
      return <EndOfDayScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'sales':
      return <SalesScreen />;
    case 'staff':
      return <StaffScreen />;
  }
}
