import { useRoute } from '../lib/router';
import { BoardRoute } from './BoardRoute';
import { JoinPage, Landing, SetupPage, StaffPage } from './lazyViews';
import { ProblemPage } from './ProblemPage';

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
    case 'staff':
      return <StaffPage />;
    case 'board':
      return <BoardRoute key={route.boardId} boardId={route.boardId} />;
    case 'notFound':
      return <ProblemPage message="app.notFound" />;
  }
}
