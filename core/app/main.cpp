#include <Poco/Util/ServerApplication.h>

#include "app/cqpm_application.h"

int main(int argc, char** argv) {
  cqpm::app::CqpmApplication app;
  return app.run(argc, argv);
}
