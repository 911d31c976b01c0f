import { BoardRoute } from './BoardRoute';
import { JoinPage } from './JoinPage';
import { Landing } from './Landing';
import { ProblemPage } from './ProblemPage';
import { useRoute } from './router';
import { SetupPage } from './SetupPage';

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
    case 'board':
      return <BoardRoute key={route.boardId} boardId={route.boardId} />;
    case 'notFound':
      return <ProblemPage message="app.notFound" />;
  }
}
