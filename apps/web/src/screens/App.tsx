import { useRoute } from '../lib/router';
import { BoardRoute } from './BoardRoute';
import { JoinPage, Landing, SetupPage, StaffPage } from './lazyViews';
import { onDemand } from './onDemand';
import { ProblemPage } from './ProblemPage';

// The page the wall's QR code opens: loaded only by the phones that scan it.
const AskToJoinPage = onDemand(() => import('../access/lobby/AskToJoinPage').then((m) => m.AskToJoinPage));

export function App() {
  const route = useRoute();
  switch (route.name) {
    case 'landing':
    case 'signIn':
      return <Landing />;
    case 'setup':
      return <SetupPage />;
    case 'join':
      return <JoinPage />;
    case 'ask':
      return <AskToJoinPage />;
    case 'staff':
      return <StaffPage />;
    case 'board':
      return <BoardRoute key={route.boardId} boardId={route.boardId} />;
    case 'notFound':
      return <ProblemPage message="app.notFound" />;
  }
}
